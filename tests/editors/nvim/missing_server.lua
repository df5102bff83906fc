-- Headless Neovim with the factline plugin and no server binary: one short warning after start-up,
-- whatever the number of drafts opened; no autocommand error, nothing that waits for Enter.
-- Exits 0 when every check passed, 1 when one failed.
--
--   FACTLINE_SOURCE_DIR=. nvim --headless --clean -u tests/editors/nvim/missing_server.lua
local source = os.getenv('FACTLINE_SOURCE_DIR') or vim.fn.getcwd()
vim.opt.runtimepath:prepend(source .. '/editors/neovim')
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

local failures, passes = 0, 0
local function check(cond, msg, detail)
  if cond then
    passes = passes + 1
    io.stderr:write('ok   ' .. msg .. '\n')
  else
    failures = failures + 1
    io.stderr:write('FAIL ' .. msg .. (detail and ('\n     ' .. detail) or '') .. '\n')
  end
end

local notes = {}
vim.notify = function(msg, level)
  table.insert(notes, { msg = msg, level = level })
end

local function run()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, 'p')
  for _, name in ipairs({ 'a.md', 'b.md', 'c.txt' }) do
    vim.fn.writefile({ 'He said: “We will do better.”' }, dir .. '/' .. name)
  end
  vim.v.errmsg = ''
  require('factline').setup({ server_path = dir .. '/no-such-factline' })
  for _, name in ipairs({ 'a.md', 'b.md', 'c.txt' }) do
    vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/' .. name))
  end
  vim.wait(500, function()
    return #notes > 0
  end, 10)
  vim.wait(200) -- any later, scheduled notification would arrive by now
  check(#notes == 1, 'one notification for three drafts', vim.inspect(notes))
  local note = notes[1] or { msg = '' }
  check(note.level == vim.log.levels.WARN, 'a warning, not an error', vim.inspect(note.level))
  check(note.msg:find('no-such-factline', 1, true) ~= nil and note.msg:find(':checkhealth factline', 1, true) ~= nil,
    'it names the missing binary and where the fix is', note.msg)
  check(not note.msg:find('\n', 1, true) and vim.fn.strdisplaywidth(note.msg) <= math.max(vim.v.echospace, 20),
    'one line that fits the command line (no hit-enter prompt)', note.msg)
  check(vim.v.errmsg == '', 'no error message', vim.v.errmsg)
  check(#require('factline').clients() == 0, 'no client started')
  -- :checkhealth gives the reason with its fix.
  vim.cmd('checkhealth factline')
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  check(report:find('not an executable file', 1, true) ~= nil and report:find('server_path', 1, true) ~= nil,
    ':checkhealth factline says why and how to fix it', report)
  io.stderr:write(string.format('%d passed, %d failed\n', passes, failures))
  vim.cmd(failures == 0 and passes > 0 and 'qall!' or 'cquit 1')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = xpcall(run, debug.traceback)
      if not ok then
        io.stderr:write('FAIL error: ' .. tostring(err) .. '\n')
        vim.cmd('cquit 1')
      end
    end)
  end,
})
