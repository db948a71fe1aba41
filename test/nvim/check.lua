-- Headless Neovim as a second, real LSP client: open a plan, wait for EcoPlan's diagnostics,
-- ask for a completion list, write what arrived to $ECOPLAN_OUT as JSON, quit.
local plan = vim.env.ECOPLAN_PLAN
local server = vim.env.ECOPLAN_SERVER
local out = vim.env.ECOPLAN_OUT
local line = tonumber(vim.env.ECOPLAN_LINE)
local col = tonumber(vim.env.ECOPLAN_COL)

local result = { diagnostics = {}, completion = {}, error = vim.NIL }
local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(plan))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  local client_id = vim.lsp.start_client({
    name = 'ecoplan',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(plan, ':h'),
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(result.diagnostics, { line = d.lnum, col = d.col, code = code, severity = d.severity, message = d.message })
  end
  local client = vim.lsp.get_client_by_id(client_id)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = col } }
  local resp = client.request_sync('textDocument/completion', params, 10000, bufnr)
  if resp and resp.result then
    local items = resp.result.items or resp.result
    for _, item in ipairs(items) do table.insert(result.completion, item.label) end
  end
end)
if not ok then result.error = tostring(err) end
finish()
