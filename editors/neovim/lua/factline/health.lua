-- `:checkhealth factline`: the server binary, its version, the fact bases it loads, the clients running.
local M = {}

-- Neovim 0.9+ has vim.health.start/ok/...; 0.8 has vim.health.report_*; 0.7 has require('health').
local function reporter()
  local h = vim.health
  if not (h and (h.start or h.report_start)) then
    h = require('health')
  end
  return {
    start = h.start or h.report_start,
    ok = h.ok or h.report_ok,
    info = h.info or h.report_info,
    warn = h.warn or h.report_warn,
    error = h.error or h.report_error,
  }
end

-- Runs a command, returns its output lines and exit code.
local function run(cmd)
  local out = vim.fn.systemlist(cmd)
  return out, vim.v.shell_error
end

local function workspace_root(config)
  local factline = require('factline')
  local clients = factline.clients()
  if clients[1] and clients[1].config.root_dir then
    return clients[1].config.root_dir
  end
  local dir = vim.loop.cwd()
  local cur = dir
  while true do
    for _, marker in ipairs(config.root_markers or {}) do
      if vim.loop.fs_stat(cur .. '/' .. marker) then
        return cur
      end
    end
    local parent = vim.fn.fnamemodify(cur, ':h')
    if parent == cur then
      return dir
    end
    cur = parent
  end
end

function M.check()
  local health = reporter()
  local factline = require('factline')
  local config = factline.config or factline.defaults

  health.start('factline: setup')
  if factline.config then
    health.ok('require("factline").setup() has run; filetypes: ' .. table.concat(config.filetypes, ', '))
  else
    health.warn('require("factline").setup() has not run', { 'Call require("factline").setup({}) in your init.lua' })
  end

  health.start('factline: server binary')
  local cmd, why = factline.resolve_cmd(config)
  if not cmd then
    health.error(why)
    return
  end
  health.ok('server command: ' .. table.concat(cmd, ' '))
  local version, code = run({ cmd[1], '--version' })
  if code == 0 and version[1] then
    health.ok('version: ' .. table.concat(version, ' '))
  else
    health.error('`' .. cmd[1] .. ' --version` failed (exit ' .. code .. '): ' .. table.concat(version, ' '))
  end

  health.start('factline: fact bases')
  local settings = vim.tbl_deep_extend('force', {}, factline.default_settings, config.settings or {})
  local root = workspace_root(config)
  local stats_cmd = { cmd[1], 'facts', 'stats' }
  local missing = {}
  for _, base in ipairs(settings.factBases or {}) do
    local p = base:sub(1, 1) == '/' and base or (root .. '/' .. base)
    if vim.loop.fs_stat(p) then
      table.insert(stats_cmd, '--facts')
      table.insert(stats_cmd, p)
    else
      table.insert(missing, p)
    end
  end
  for _, p in ipairs(missing) do
    health.error('configured fact base not found: ' .. p, { 'factBases paths are relative to ' .. root })
  end
  local stats, stats_code = run(stats_cmd)
  if stats_code == 0 then
    health.ok('`' .. table.concat(stats_cmd, ' ', 2) .. '` (workspace root ' .. root .. '):')
    for _, line in ipairs(stats) do
      if line ~= '' then
        health.info(line)
      end
    end
  else
    health.error('`' .. table.concat(stats_cmd, ' ') .. '` failed (exit ' .. stats_code .. ')', stats)
  end

  health.start('factline: clients')
  local clients = factline.clients()
  if #clients == 0 then
    health.info('no factline client is running (open a markdown or text buffer to start one)')
  end
  for _, client in ipairs(clients) do
    health.ok(string.format('client %d, root %s', client.id, tostring(client.config.root_dir)))
  end
end

return M
