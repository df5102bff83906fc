-- Factline for Neovim: starts `factline serve` for markdown and text buffers and answers its settings.
--
-- Thin on purpose: every check lives in the server. This file only finds the binary, picks a
-- root, and starts the client with the API the running Neovim has:
--   0.11+      vim.lsp.config() + vim.lsp.enable()
--   0.8-0.10   vim.lsp.start() from a FileType autocommand
--   0.7        vim.lsp.start_client() + vim.lsp.buf_attach_client(), one client per root
-- The server pulls the "factline" section with workspace/configuration; Neovim's built-in
-- handler answers it from `settings.factline`, which is where the options below end up.
local M = {}

-- The settings the server reads (section "factline"), with the server's defaults. Same keys as
-- the VS Code extension's `factline.*` settings.
M.default_settings = {
  factBases = {},                   -- fact base files, relative to the workspace root
  debounceMs = 30,                  -- wait this long after an edit before checking
  unverifiedQuotes = true,          -- report quotes attributed to known people but not on record
  unverifiedSeverity = 'information', -- 'information' or 'hint'
  severity = {},                    -- rule id -> 'error'|'warning'|'information'|'hint'|'off'
}

M.defaults = {
  -- Full command; when nil it is { server_path or 'factline', 'serve' }.
  cmd = nil,
  server_path = nil,
  filetypes = { 'markdown', 'text' },
  -- The first ancestor holding one of these is the workspace root (fact base paths are relative
  -- to it); without one, the buffer's own directory.
  root_markers = { '.factline', '.git' },
  settings = nil, -- merged over M.default_settings
  on_attach = nil, -- function(client, bufnr)
  -- Normal-mode key for the hover (the record behind a claim), mapped in each attached buffer
  -- unless that key is already mapped there or globally (false: never map).
  hover_key = 'K',
  capabilities = nil, -- extra client capabilities, merged over Neovim's
  reviewer = nil, -- your name on review decisions ("Mark as reviewed…"); else the OS user's
}

M.config = nil
local clients_by_root = {} -- 0.7 only: root_dir -> client id

local function has(feature)
  return vim.fn.has(feature) == 1
end

-- JSON encodes an empty Lua table as [], but `severity` is an object.
local function as_object(t)
  if t == nil or next(t) == nil then
    return vim.empty_dict()
  end
  return t
end

local function server_settings(config)
  local s = vim.tbl_deep_extend('force', {}, M.default_settings, config.settings or {})
  s.severity = as_object(s.severity)
  return { factline = s }
end

-- The command that starts the server, or nil and the reason with the fix.
function M.resolve_cmd(config)
  config = config or M.config or M.defaults
  local cmd = config.cmd
  if cmd == nil then
    cmd = { config.server_path or 'factline', 'serve' }
  end
  local exe = vim.fn.exepath(cmd[1])
  if exe == '' then
    local why
    if config.cmd or config.server_path then
      why = string.format('%q is not an executable file.', cmd[1])
    else
      why = '`factline` is not on your PATH.'
    end
    return nil,
      why
        .. ' Build it (`make build` in the factline repository gives build/factline) and either put it on'
        .. ' PATH or pass its full path: require("factline").setup({ server_path = "/path/to/factline" }).'
  end
  local resolved = vim.deepcopy(cmd)
  resolved[1] = exe
  return resolved
end

local function find_root(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' then
    return vim.loop.cwd()
  end
  local dir = vim.fn.fnamemodify(name, ':p:h')
  local cur = dir
  while cur and cur ~= '' do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(cur .. '/' .. marker) then
        return cur
      end
    end
    local parent = vim.fn.fnamemodify(cur, ':h')
    if parent == cur then
      break
    end
    cur = parent
  end
  return dir
end

-- Maps `config.hover_key` to the hover in `bufnr`, unless the user mapped that key already
-- (buffer-local or global): Neovim before 0.10 leaves K to 'keywordprg', which runs `man`.
function M.map_hover_key(config, bufnr)
  local key = config.hover_key
  if not key or key == '' then
    return false
  end
  local lhs = vim.api.nvim_replace_termcodes(key, true, true, true)
  for _, maps in ipairs({ vim.api.nvim_buf_get_keymap(bufnr, 'n'), vim.api.nvim_get_keymap('n') }) do
    for _, m in ipairs(maps) do
      if vim.api.nvim_replace_termcodes(m.lhs, true, true, true) == lhs then
        return false
      end
    end
  end
  vim.keymap.set('n', key, vim.lsp.buf.hover,
    { buffer = bufnr, silent = true, desc = 'factline: the record behind the claim (hover)' })
  return true
end

local function on_attach(config)
  return function(client, bufnr)
    M.map_hover_key(config, bufnr)
    if config.on_attach then
      config.on_attach(client, bufnr)
    end
  end
end

local function client_config(config, cmd, root_dir)
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  -- Neovim 0.7 answers workspace/configuration (from `settings`) but does not say so, and the
  -- server only pulls its settings from clients that do; 0.8+ advertise it themselves.
  if vim.lsp.handlers['workspace/configuration'] then
    capabilities.workspace = capabilities.workspace or {}
    capabilities.workspace.configuration = true
  end
  if config.capabilities then
    capabilities = vim.tbl_deep_extend('force', capabilities, config.capabilities)
  end
  return {
    name = 'factline',
    cmd = cmd,
    root_dir = root_dir,
    workspace_folders = root_dir and { { uri = vim.uri_from_fname(root_dir), name = root_dir } } or nil,
    settings = server_settings(config),
    capabilities = capabilities,
    on_attach = on_attach(config),
  }
end

-- One short warning, after start-up, whatever the number of buffers: an error raised from a
-- FileType autocommand would be shown as the autocommand's error, and a message wider than the
-- screen waits for Enter. The full reason and its fix are in :checkhealth factline.
local reported_missing = false
-- `what` names the problem; `path`, when given, is shown as long as the line has room for.
function M.report_once(what, path)
  if reported_missing then
    return
  end
  reported_missing = true
  vim.schedule(function()
    local room = math.max(vim.v.echospace, 20)
    local msg
    for _, shown in ipairs(path and { vim.fn.fnamemodify(path, ':~'), vim.fn.pathshorten(vim.fn.fnamemodify(path, ':~')),
      vim.fn.fnamemodify(path, ':t') } or { '' }) do
      msg = 'factline: ' .. what .. (shown ~= '' and (' ' .. shown) or '') .. ' (:checkhealth factline)'
      if vim.fn.strdisplaywidth(msg) <= room then
        break
      end
    end
    if vim.fn.strdisplaywidth(msg) > room then
      msg = vim.fn.strcharpart(msg, 0, room - 1) .. '…'
    end
    vim.notify(msg, vim.log.levels.WARN)
  end)
end

local function cmd_or_report(config)
  local cmd = M.resolve_cmd(config)
  if not cmd then
    if config.cmd or config.server_path then
      M.report_once('no server at', (config.cmd or {})[1] or config.server_path)
    else
      M.report_once('no `factline` on PATH')
    end
  end
  return cmd
end

-- Attaches `bufnr` to a factline client for its root, starting one if needed (0.7-0.10).
function M.attach(bufnr)
  local config = M.config or M.defaults
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= '' then
    return nil
  end
  local cmd = cmd_or_report(config)
  if not cmd then
    return nil
  end
  local root_dir = find_root(bufnr, config.root_markers)
  local lsp_config = client_config(config, cmd, root_dir)
  if vim.lsp.start then
    return vim.lsp.start(lsp_config, { bufnr = bufnr })
  end
  -- Neovim 0.7: one client per root, attached buffer by buffer.
  local id = clients_by_root[root_dir]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(lsp_config)
    if not id then
      M.report_once('could not start', cmd[1])
      return nil
    end
    clients_by_root[root_dir] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', {}, M.defaults, opts or {})
  local config = M.config
  -- "Mark as reviewed…": asked here, with free text (lua/factline/review.lua).
  local review = require('factline.review')
  review.reviewer = config.reviewer
  review.register()
  -- Lists are replaced, not merged index by index.
  if opts and opts.filetypes then
    config.filetypes = opts.filetypes
  end
  if opts and opts.root_markers then
    config.root_markers = opts.root_markers
  end
  if opts and opts.settings and opts.settings.factBases then
    config.settings.factBases = opts.settings.factBases
  end
  reported_missing = false

  if has('nvim-0.11') and vim.lsp.config and vim.lsp.enable then
    local cmd = cmd_or_report(config)
    if not cmd then
      return
    end
    local lsp_config = client_config(config, cmd, nil)
    lsp_config.root_dir = nil
    lsp_config.workspace_folders = nil
    lsp_config.filetypes = config.filetypes
    lsp_config.root_markers = config.root_markers
    vim.lsp.config('factline', lsp_config)
    vim.lsp.enable('factline')
    return
  end

  local group = vim.api.nvim_create_augroup('factline', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  -- Buffers already open when setup() runs.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(config.filetypes, vim.bo[bufnr].filetype) then
      M.attach(bufnr)
    end
  end
end

-- The running factline clients (any Neovim version).
function M.clients()
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  local found = {}
  for _, client in ipairs(get()) do
    if client.name == 'factline' then
      table.insert(found, client)
    end
  end
  return found
end

return M
