-- Headless Neovim, "Mark as reviewed…" end to end against the real server: in a scratch workspace
-- holding a copy of the example draft, the code action's command is run through the plugin's
-- handler (vim.ui.select and vim.ui.input answered by the test), the server has Neovim apply its
-- edit to .factline/reviews.json, the plugin writes it, and the figure's Warning becomes a Hint.
-- Exits 0 when every check passed, 1 when one failed, 2 on timeout.
--
--   FACTLINE_SOURCE_DIR=. FACTLINE_BINARY=build/factline \
--     nvim --headless --clean -u tests/editors/nvim/review.lua
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

local function figure_diagnostic(bufnr)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == 'figure-wrong' and d.message:find('87 million', 1, true) then
      return d
    end
  end
end

local function run()
  local root = vim.fn.tempname()
  vim.fn.mkdir(root .. '/.factline', 'p')
  local draft = root .. '/story.md'
  vim.fn.writefile(vim.fn.readfile(md_draft), draft)
  require('factline').setup({ cmd = { bin, 'serve', '--stdio' }, reviewer = 'Test Reviewer' })
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
  if not check(figure ~= nil and figure.severity == vim.diagnostic.severity.WARN,
      'the wrong figure is a Warning', inspect(vim.diagnostic.get(buf))) then
    return
  end

  vim.api.nvim_win_set_cursor(0, { figure.lnum + 1, figure.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = {} }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, WAIT_MS) or {}
  local action
  for _, r in pairs(responses) do
    for _, a in ipairs(r.result or {}) do
      if a.title == 'Mark as reviewed…' and a.command then
        action = a
      end
    end
  end
  if not check(action ~= nil, 'a "Mark as reviewed…" code action on the figure', inspect(responses)) then
    return
  end

  -- The writer's answers, as vim.ui would give them.
  local asked = {}
  vim.ui.select = function(items, opts, on_choice)
    table.insert(asked, opts.prompt)
    on_choice(items[3], 3) -- Overruled: the outlet's transcription differs
  end
  vim.ui.input = function(opts, on_confirm)
    table.insert(asked, opts.prompt)
    on_confirm('checked against the tape')
  end
  local handler = vim.lsp.commands[action.command.command]
  check(handler ~= nil, 'the plugin handles ' .. action.command.command)
  handler(action.command, { client_id = clients_of(buf)[1].id, bufnr = buf })
  check(#asked == 2, 'the writer was asked for the decision and why', inspect(asked))

  local file = root .. '/.factline/reviews.json'
  local saved = vim.wait(WAIT_MS, function()
    return vim.fn.filereadable(file) == 1 and #table.concat(vim.fn.readfile(file), '') > 0
  end, 20)
  check(saved, 'the decision was written to .factline/reviews.json')
  if saved then
    local ok, decoded = pcall(vim.fn.json_decode, table.concat(vim.fn.readfile(file), '\n'))
    local d = ok and decoded.decisions and decoded.decisions[1] or {}
    check(d.decision == 'overruled' and d.reason == 'transcription-differs'
      and d.why == 'checked against the tape' and d.by == 'Test Reviewer' and d.draft == 'story.md'
      and d.rule == 'figure-wrong', 'the decision says what, why, who and which finding', inspect(decoded))
  end
  local hinted = vim.wait(WAIT_MS, function()
    local f = figure_diagnostic(buf)
    return f ~= nil and f.severity == vim.diagnostic.severity.HINT
  end, 20)
  check(hinted, 'the reviewed figure is now a Hint', inspect(vim.diagnostic.get(buf)))
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
