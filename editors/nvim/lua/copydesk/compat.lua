-- The few LSP client calls whose form changed between Neovim 0.7 (Debian's
-- package) and 0.10/0.11: method calls with `:` on 0.11, `get_clients`
-- instead of `get_active_clients`, `vim.lsp.start` instead of
-- `start_client` + `buf_attach_client`.
local M = {}

local has_011 = vim.fn.has("nvim-0.11") == 1

--- Clients named `name` (all of them, or those attached to `bufnr`).
function M.clients(name, bufnr)
  local all
  if vim.lsp.get_clients then
    all = vim.lsp.get_clients({ name = name, bufnr = bufnr })
  else
    all = {}
    local source = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
    for _, c in pairs(source) do
      if c.name == name then
        table.insert(all, c)
      end
    end
  end
  return all
end

function M.is_stopped(client)
  if has_011 then
    return client:is_stopped()
  end
  return client.is_stopped()
end

function M.request(client, method, params, handler, bufnr)
  if has_011 then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

--- Buffers a client is attached to.
function M.buffers(client)
  local out = {}
  if client.attached_buffers then
    for b in pairs(client.attached_buffers) do
      table.insert(out, b)
    end
  else
    out = vim.lsp.get_buffers_by_client_id(client.id)
  end
  return out
end

--- Whether `vim.lsp.start` (0.8+) is there; 0.7 needs start_client + buf_attach_client.
M.has_start = vim.lsp.start ~= nil

--- vim.health (0.8+) or the 0.7 `health` module with its report_* names.
function M.health()
  local h = vim.health or require("health")
  return {
    start = h.start or h.report_start,
    ok = h.ok or h.report_ok,
    info = h.info or h.report_info,
    warn = h.warn or h.report_warn,
    error = h.error or h.report_error,
  }
end

return M
