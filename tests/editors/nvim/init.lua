-- Headless Neovim against the real server: the factline plugin from a plain runtimepath entry
-- opens the example drafts, and this script asserts the diagnostics, a hover (and `K`), the
-- outline, quick fixes (one on a hard-wrapped quote) and :checkhealth factline. Exits 0 when every check passed, 1 when one failed, 2 on timeout.
--
--   FACTLINE_SOURCE_DIR=. FACTLINE_BINARY=build/factline \
--     nvim --headless --clean -u tests/editors/nvim/init.lua
local source = os.getenv('FACTLINE_SOURCE_DIR') or vim.fn.getcwd()
local bin = os.getenv('FACTLINE_BINARY') or (source .. '/build/factline')
local md_draft = os.getenv('FACTLINE_DRAFT') or (source .. '/examples/hearing-draft.md')
local txt_draft = os.getenv('FACTLINE_TEXT_DRAFT') or (source .. '/examples/call-report.txt')
local TOTAL_TIMEOUT_MS = tonumber(os.getenv('FACTLINE_NVIM_TIMEOUT_MS') or '') or 90000
local WAIT_MS = 20000

vim.opt.runtimepath:prepend(source .. '/editors/neovim')
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'

local function log(msg)
  io.stderr:write(msg .. '\n')
end

-- Whatever happens, never hang: a libuv timer fires even while vim.wait() is polling.
local watchdog = vim.loop.new_timer()
watchdog:start(TOTAL_TIMEOUT_MS, 0, function()
  io.stderr:write('FAIL: timed out after ' .. TOTAL_TIMEOUT_MS .. ' ms\n')
  os.exit(2)
end)

local failures = 0
local passes = 0
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

local function finish()
  for _, client in ipairs(require('factline').clients()) do
    client.stop()
  end
  vim.wait(5000, function()
    return #require('factline').clients() == 0
  end, 50)
  log(string.format('%d passed, %d failed', passes, failures))
  if failures > 0 or passes == 0 then -- nothing checked is no pass
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end

local function inspect(v)
  return vim.inspect(v):gsub('\n%s*', ' ')
end

-- The 0-based line and byte column of the first occurrence of `needle` in the buffer.
local function find_in_buffer(bufnr, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
  return nil
end

local function find_diagnostic(bufnr, code, needle)
  local lnum, col = find_in_buffer(bufnr, needle)
  if not lnum then
    return nil
  end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    -- the diagnostic's span overlaps the needle (single line spans and multi-line quotes)
    local starts_before = d.lnum < lnum or (d.lnum == lnum and d.col <= col)
    local ends_after = d.end_lnum > lnum or (d.end_lnum == lnum and d.end_col > col)
    if d.code == code and starts_before and ends_after then
      return d
    end
  end
  return nil
end

-- The diagnostic of `code` over `needle`, once the server has published it (nil after WAIT_MS).
local function wait_diagnostic(bufnr, code, needle)
  local found
  vim.wait(WAIT_MS, function()
    found = find_diagnostic(bufnr, code, needle)
    return found ~= nil
  end, 20)
  return found
end

local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  return vim.api.nvim_get_current_buf()
end

local function clients_of(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr }) -- 0.10+
  end
  return vim.tbl_values(vim.lsp.buf_get_clients(bufnr))
end

local function wait_attached(bufnr)
  return vim.wait(WAIT_MS, function()
    return #clients_of(bufnr) > 0
  end, 20)
end

-- The line's diagnostics in LSP form, as vim.lsp.buf.code_action() sends them.
local function lsp_line_diagnostics(bufnr, lnum)
  if vim.lsp.diagnostic.from then
    return vim.lsp.diagnostic.from(vim.diagnostic.get(bufnr, { lnum = lnum })) -- 0.10+
  end
  return vim.lsp.diagnostic.get_line_diagnostics(bufnr, lnum)
end

local function request_sync(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, WAIT_MS)
  if not responses then
    return nil, err
  end
  for _, r in pairs(responses) do
    if r.error then
      return nil, inspect(r.error)
    end
    return r.result
  end
  return nil, 'no response'
end

local function hover_text(result)
  local c = result and result.contents
  if type(c) == 'string' then
    return c
  elseif type(c) == 'table' and c.value then
    return c.value
  elseif type(c) == 'table' then
    local parts = {}
    for _, x in ipairs(c) do
      table.insert(parts, type(x) == 'string' and x or x.value)
    end
    return table.concat(parts, '\n')
  end
  return ''
end

local function run()
  log('nvim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch
    .. ', server ' .. bin)
  local factline = require('factline')
  factline.setup({
    cmd = { bin, 'serve', '--stdio' },
    settings = { severity = { ['figure-wrong'] = 'information' } },
  })

  -- Markdown draft ---------------------------------------------------------------------------
  local md = open(md_draft)
  check(vim.bo[md].filetype == 'markdown', 'markdown filetype for ' .. md_draft)
  check(wait_attached(md), 'factline attached to the markdown buffer')
  local clients = factline.clients()
  check(#clients == 1, 'one factline client', inspect(#clients))

  local figure
  vim.wait(WAIT_MS, function()
    figure = find_diagnostic(md, 'figure-wrong', '78 million')
    -- the severity override arrives through workspace/configuration
    return figure ~= nil and figure.severity == vim.diagnostic.severity.INFO
  end, 20)
  local all = vim.diagnostic.get(md)
  check(figure ~= nil, 'figure-wrong diagnostic over "78 million"', inspect(all))
  if figure then
    local lnum, col = find_in_buffer(md, '78 million')
    local line = vim.api.nvim_buf_get_lines(md, lnum, lnum + 1, false)[1]
    local claim = figure.end_lnum == lnum and line:sub(figure.col + 1, figure.end_col) or ''
    -- the claim is the figure with its unit noun: "78 million Facebook users"
    check(figure.lnum == lnum and figure.col == col and (claim == '78 million' or claim == '78 million Facebook users'),
      'its range is the figure ("' .. claim .. '")', inspect(figure))
    check(figure.message:find('87 million', 1, true) ~= nil, 'its message names the record (87 million)',
      figure.message)
    check(figure.source == 'factline', 'its source is factline', inspect(figure.source))
    check(figure.severity == vim.diagnostic.severity.INFO,
      'settings.factline.severity reached the server (figure-wrong as information)', inspect(figure.severity))
  end
  local quote = find_diagnostic(md, 'quote-misattributed', 'This is going to be a never-ending battle')
  check(quote ~= nil, 'quote-misattributed diagnostic on the never-ending battle quote', inspect(all))
  if quote then
    check(quote.message:find('Zuckerberg', 1, true) ~= nil, 'it names Zuckerberg', quote.message)
  end
  -- The quotation ends on a closing curly quote (3 bytes in UTF-8, 1 unit in UTF-16): Neovim maps
  -- the server's UTF-16 end column to bytes, and a wrong count would end elsewhere.
  if quote then
    local last = vim.api.nvim_buf_get_lines(md, quote.end_lnum, quote.end_lnum + 1, false)[1] or ''
    local upto = last:sub(1, quote.end_col)
    check(upto:sub(-#'security.”') == 'security.”', 'the quote range ends right after the closing ”',
      inspect(upto))
    local first = vim.api.nvim_buf_get_lines(md, quote.lnum, quote.lnum + 1, false)[1] or ''
    check(first:sub(quote.col + 1):find('“This is going to be a never-ending battle', 1, true) ~= nil,
      'the quote range starts before the quotation', inspect(first:sub(quote.col + 1)))
  end

  -- Hover, as `K` asks for it, with the cursor inside the figure.
  if figure then
    vim.api.nvim_win_set_cursor(0, { figure.lnum + 1, figure.col + 1 })
    local result, err = request_sync(md, 'textDocument/hover', vim.lsp.util.make_position_params())
    local text = hover_text(result)
    check(result ~= nil and text:find('87 million', 1, true) ~= nil, 'hover over the figure shows 87 million',
      err or text)
    check(text:find('`f-users-affected`', 1, true) ~= nil, 'the hover names the fact base entry', text)
  end

  -- `K`, pressed as a person does: the plugin mapped it to the hover on attach (Neovim 0.7 would
  -- run `man`), and a floating window shows the record.
  if figure then
    local k = vim.fn.maparg('K', 'n', false, true)
    check(k.buffer == 1, 'K is mapped in the draft buffer', inspect(k))
    vim.api.nvim_win_set_cursor(0, { figure.lnum + 1, figure.col + 1 })
    vim.cmd('normal K')
    local shown
    vim.wait(WAIT_MS, function()
      for _, win in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_config(win).relative ~= '' then
          shown = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n')
          return true
        end
      end
      return false
    end, 20)
    check(shown ~= nil and shown:find('87 million', 1, true) ~= nil, 'K shows the record in a float', shown)
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= '' then
        vim.api.nvim_win_close(win, true)
      end
    end
  end

  -- The outline, as vim.lsp.buf.document_symbol() lists it (symbols_to_items: "[Kind] name", the
  -- detail left out): every checked claim named with its status.
  do
    local result, err = request_sync(md, 'textDocument/documentSymbol',
      { textDocument = vim.lsp.util.make_text_document_params(md) })
    local texts = {}
    for _, item in ipairs(vim.lsp.util.symbols_to_items(result or {}, md)) do
      texts[#texts + 1] = item.text
    end
    local joined = table.concat(texts, '\n')
    check(#texts >= 4, 'the outline lists the checked quotes and figures', err or joined)
    check(joined:find('%] Wrong figure: 78 million') ~= nil
      and joined:find('%] Misattributed quote: “This is going to be') ~= nil,
      'the outline, as Neovim lists it, names each claim with its status', joined)
  end

  -- Quick fix, applied as vim.lsp.buf.code_action would.
  if figure then
    local params = vim.lsp.util.make_range_params()
    params.context = { diagnostics = lsp_line_diagnostics(md, figure.lnum), only = { 'quickfix' } }
    local actions, err = request_sync(md, 'textDocument/codeAction', params)
    local fix
    for _, a in ipairs(actions or {}) do
      if a.edit and (a.title or ''):find('87 million', 1, true) then
        fix = a
      end
    end
    check(fix ~= nil, 'a quick fix to 87 million', err or inspect(actions))
    if fix then
      vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
      local line = vim.api.nvim_buf_get_lines(md, figure.lnum, figure.lnum + 1, false)[1]
      check(line:find('87 million', 1, true) ~= nil and line:find('78 million', 1, true) == nil,
        'the fix rewrote the figure', line)
      local cleared = vim.wait(WAIT_MS, function()
        return find_diagnostic(md, 'figure-wrong', '87 million Facebook') == nil
          and find_diagnostic(md, 'quote-misattributed', 'This is going to be a never-ending battle') ~= nil
      end, 20)
      check(cleared, 'after the edit the figure diagnostic is gone and the quote one stays',
        inspect(vim.diagnostic.get(md)))
    end
  end

  -- A hard-wrapped quote: "Use the recorded wording" keeps the draft's line breaks and marks ----
  do
    local path = vim.fn.tempname() .. '.md'
    vim.fn.writefile({
      'Zuckerberg told reporters on the call: “This is going to be a never-ending',
      'fight. You never fully solve security. It’s an arms',
      'race,” he said.',
    }, path)
    local wrapped = open(path)
    check(wait_attached(wrapped), 'factline attached to the hard-wrapped draft')
    local altered = wait_diagnostic(wrapped, 'quote-altered', 'fight')
    check(altered ~= nil, 'quote-altered on the hard-wrapped quote', inspect(vim.diagnostic.get(wrapped)))
    if altered then
      vim.api.nvim_win_set_cursor(0, { altered.lnum + 1, altered.col + 1 })
      local params = vim.lsp.util.make_range_params()
      params.context = { diagnostics = lsp_line_diagnostics(wrapped, altered.lnum), only = { 'quickfix' } }
      local actions, err = request_sync(wrapped, 'textDocument/codeAction', params)
      local fix
      for _, a in ipairs(actions or {}) do
        if a.edit and a.title == 'Use the recorded wording' then
          fix = a
        end
      end
      check(fix ~= nil, 'a quick fix "Use the recorded wording"', err or inspect(actions))
      if fix then
        vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
        local lines = vim.api.nvim_buf_get_lines(wrapped, 0, -1, false)
        check(vim.deep_equal(lines, {
          'Zuckerberg told reporters on the call: “This is going to be a never-ending',
          'battle. You never fully solve security. It’s an arms',
          'race,” he said.',
        }), 'the fix changed the word and kept the line breaks and the curly apostrophe', inspect(lines))
      end
    end
  end

  -- Plain-text draft: same client (same root), filetype text -------------------------------
  -- A K of the user's own is left alone.
  vim.keymap.set('n', 'K', '<cmd>let g:users_own_k = 1<cr>')
  local txt = open(txt_draft)
  check(vim.bo[txt].filetype == 'text', 'text filetype for ' .. txt_draft, vim.bo[txt].filetype)
  check(wait_attached(txt), 'factline attached to the text buffer')
  local md_client, txt_client = clients_of(md)[1], clients_of(txt)[1]
  check(md_client and txt_client and md_client.id == txt_client.id, 'the text buffer shares the client',
    inspect(#factline.clients()))
  local altered = wait_diagnostic(txt, 'quote-altered', 'We never put out the 50 million number')
  check(altered ~= nil, 'quote-altered diagnostic in the text draft', inspect(vim.diagnostic.get(txt)))
  local k = vim.fn.maparg('K', 'n', false, true)
  check(k.buffer == 0 and (k.rhs or ''):find('users_own_k', 1, true) ~= nil,
    'a K the user mapped is not replaced', inspect(k))
  vim.keymap.del('n', 'K')

  -- :checkhealth factline --------------------------------------------------------------------
  vim.cmd('checkhealth factline')
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  local version = vim.trim(vim.fn.system({ bin, '--version' }))
  check(version ~= '' and report:find(version, 1, true) ~= nil, 'checkhealth shows the version: ' .. version, report)
  local stats = vim.fn.systemlist({ bin, 'facts', 'stats' })
  local first_stat = vim.trim(stats[1] or '')
  check(first_stat ~= '' and report:find(first_stat, 1, true) ~= nil,
    'checkhealth shows `factline facts stats`', report)
  check(report:find('ERROR', 1, true) == nil, 'checkhealth reports no error', report)

  finish()
end

-- After start-up, and outside the VimEnter autocommand: autocommands do not nest, so an :edit
-- run inside it would not fire FileType and the plugin would never see the buffer.
vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = xpcall(run, debug.traceback)
      if not ok then
        log('FAIL error: ' .. tostring(err))
        vim.cmd('cquit 1')
      end
    end)
  end,
})
