-- "Mark as reviewed…" in Neovim: the server's code action runs the command factline.markReviewed;
-- this handler asks the writer (vim.ui.select, then vim.ui.input for why), sends the whole
-- decision back to the server, which has Neovim apply the edit to .factline/reviews.json, and
-- writes that buffer so the decision lasts (the server never writes files itself).
local M = {}

M.choices = {
  { label = 'Fixed', decision = 'fixed' },
  { label = 'Overruled: the record is incomplete', decision = 'overruled', reason = 'record-incomplete' },
  { label = "Overruled: the outlet's transcription differs", decision = 'overruled', reason = 'transcription-differs' },
  { label = 'Overruled: the quote is from another moment', decision = 'overruled', reason = 'other-moment' },
  { label = 'Overruled: another reason…', decision = 'overruled', reason = 'other' },
}

-- Who decides: require('factline').setup({ reviewer = 'Ana Ruiz' }); else the server asks the OS.
M.reviewer = nil

local function notify(msg, level)
  vim.notify('factline: ' .. msg, level or vim.log.levels.INFO)
end

-- Writes the decisions file's buffer if the applied edit left it modified.
function M.save_reviews(root)
  local path = (root or vim.loop.cwd()) .. '/.factline/reviews.json'
  local bufnr = vim.fn.bufnr(path)
  if bufnr == -1 or not vim.api.nvim_buf_is_loaded(bufnr) or not vim.bo[bufnr].modified then
    return false
  end
  vim.fn.mkdir(vim.fn.fnamemodify(path, ':h'), 'p')
  vim.api.nvim_buf_call(bufnr, function()
    vim.cmd('silent noautocmd write')
  end)
  return true
end

-- The handler of factline.markReviewed (vim.lsp.commands): command = { title, command, arguments }.
function M.mark_reviewed(command, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if not client then
    return
  end
  local arg = vim.deepcopy((command.arguments or {})[1] or {})
  local prompt = 'Factline: ' .. (arg.message and arg.message ~= '' and arg.message or 'mark as reviewed')
  vim.ui.select(M.choices, {
    prompt = prompt,
    format_item = function(c)
      return c.label
    end,
  }, function(choice)
    if not choice then
      return
    end
    local need_why = choice.reason == 'other'
    vim.ui.input({ prompt = need_why and 'Why: ' or 'Why (optional): ' }, function(why)
      if why == nil then
        return -- cancelled
      end
      if need_why and why == '' then
        notify('"another reason" needs the reason; nothing recorded', vim.log.levels.WARN)
        return
      end
      arg.decision = choice.decision
      arg.reason = choice.reason
      arg.why = why ~= '' and why or nil
      arg.by = M.reviewer
      client.request('workspace/executeCommand', { command = command.command, arguments = { arg } },
        function(err)
          if err then
            notify(err.message or tostring(err), vim.log.levels.ERROR)
            return
          end
          M.save_reviews(client.config.root_dir)
        end, ctx.bufnr)
    end)
  end)
end

function M.register()
  vim.lsp.commands['factline.markReviewed'] = M.mark_reviewed
end

return M
