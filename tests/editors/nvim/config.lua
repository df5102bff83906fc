-- Headless Neovim with a workspace configuration file: in a scratch workspace holding a copy of the
-- example draft and a .factline/config.json that raises figure-wrong to error, lowers quote-altered
-- to hint and turns quote-misattributed off, the plugin's client shows the wrong figure as an
-- ERROR, the altered quote as a HINT and no misattributed quote (README, "Workspace
-- configuration"; the plugin's settings name no severity, so the file's stand). Exits 0 when every check passed, 1 when
-- one failed, 2 on timeout.
--
--   FACTLINE_SOURCE_DIR=. FACTLINE_BINARY=build/factline \
--     nvim --headless --clean -u tests/editors/nvim/config.lua
local source = os.getenv('FACTLINE_SOURCE_DIR') or vim.fn.getcwd()
local bin = os.getenv('FACTLINE_BINARY') or (source .. '/build/factline')
local md_draft = os.getenv('FACTLINE_DRAFT') or (source .. '/examples/hearing-draft.md')
local WAIT_MS = 20000

vim.opt.runtimepath:prepend(source .. '/editors/neovim')
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

local function log(msg)
  io.stderr:write(msg .. '\n')
end

local watchdog = vim.loop.new_timer()
watchdog:start(90000, 0, function()
  io.stderr:write('FAIL: timed out\n')
  os.exit(2)
end)

local failures, passes = 0, 0
local function check(cond, msg, detail)
  if cond then
    passes = passes + 1
    log('ok   ' .. msg)
  else
    failures = failures + 1
    log('FAIL ' .. msg .. (detail and ('\n     ' .. detail) or ''))
  end
  return cond
end

local function inspect(v)
  return vim.inspect(v):gsub('\n%s*', ' ')
end

local function clients_of(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr })
  end
  return vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function figure_diagnostic(bufnr)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == 'figure-wrong' and d.message:find('87 million', 1, true) then
      return d
    end
  end
end

local function run()
  local root = vim.fn.tempname()
  vim.fn.mkdir(root .. '/.factline', 'p')
  vim.fn.writefile({
    '{',
    '  "severity": {"figure-wrong": "error", "quote-misattributed": "off", "quote-altered": "hint"}',
    '}',
  }, root .. '/.factline/config.json')
  local draft = root .. '/story.md'
  vim.fn.writefile(vim.fn.readfile(md_draft), draft)
  require('factline').setup({ cmd = { bin, 'serve', '--stdio' } })
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  check(vim.wait(WAIT_MS, function()
    return #clients_of(buf) > 0
  end, 20), 'factline attached')
  local figure
  vim.wait(WAIT_MS, function()
    figure = figure_diagnostic(buf)
    return figure ~= nil
  end, 20)
  check(figure ~= nil and figure.severity == vim.diagnostic.severity.ERROR,
    'the wrong figure (87 million) is an ERROR, as .factline/config.json says', inspect(vim.diagnostic.get(buf)))
  -- The other rules are still checked, with the file's severities ...
  local altered = vim.tbl_filter(function(d)
    return code_of(d) == 'quote-altered'
  end, vim.diagnostic.get(buf))
  check(#altered > 0 and vim.tbl_count(vim.tbl_filter(function(d)
    return d.severity ~= vim.diagnostic.severity.HINT
  end, altered)) == 0, 'the altered quote is a HINT, as the file says', inspect(altered))
  -- ... but not the rule the file turned off.
  local misattributed = vim.tbl_filter(function(d)
    return code_of(d) == 'quote-misattributed'
  end, vim.diagnostic.get(buf))
  check(#misattributed == 0, 'no quote-misattributed: the file turned it off', inspect(misattributed))
  vim.fn.delete(root, 'rf')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = xpcall(run, debug.traceback)
      if not ok then
        log('FAIL error: ' .. tostring(err))
      end
      for _, client in ipairs(require('factline').clients()) do
        client.stop()
      end
      log(string.format('%d passed, %d failed', passes, failures))
      if not ok or failures > 0 or passes == 0 then
        vim.cmd('cquit 1')
      else
        vim.cmd('qall!')
      end
    end)
  end,
})
