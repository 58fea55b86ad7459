-- :checkhealth copydesk — works with 0.7's health#report_* (through the
-- `health` module) and with vim.health on newer Neovim.
local M = {}

function M.check()
  local h = require("copydesk.compat").health()
  local copydesk = require("copydesk")
  h.start("copydesk")

  local v = vim.version()
  local version = ("%d.%d.%d"):format(v.major, v.minor, v.patch)
  if vim.fn.has("nvim-0.7") == 1 then
    h.ok("Neovim " .. version .. (vim.lsp.start and " (vim.lsp.start)" or " (vim.lsp.start_client)"))
  else
    h.error("Neovim " .. version .. " is too old: copydesk needs 0.7 or newer")
  end

  local cfg = copydesk.get_config()
  if cfg == nil then
    h.warn("require('copydesk').setup() has not been called", { "Add require('copydesk').setup({}) to your init.lua" })
  end

  local path, exe = copydesk.server_path()
  if path == nil then
    h.error(("server '%s' not found"):format(exe), {
      "Install it: cargo install --path . (in the copydesk repository)",
      "or set the command: require('copydesk').setup({ cmd = { '/path/to/copydesk', 'serve' } })",
    })
  else
    local out = vim.fn.system({ path, "--version" })
    if vim.v.shell_error == 0 then
      h.ok(("server: %s (%s)"):format(path, vim.trim(out)))
    else
      h.error(("server %s does not run: %s"):format(path, vim.trim(out)))
    end
  end

  local clients = require("copydesk.compat").clients("copydesk")
  if #clients == 0 then
    h.info("no copydesk server running (open a text or Markdown file)")
  end
  for _, c in ipairs(clients) do
    h.ok(("server %d running for %s (%d buffer%s, positions in %s)"):format(
      c.id,
      c.config.root_dir or "?",
      #require("copydesk.compat").buffers(c),
      #require("copydesk.compat").buffers(c) == 1 and "" or "s",
      c.offset_encoding or "?"
    ))
  end
  for root, why in pairs(copydesk.status().failed) do
    h.warn(("server for %s %s; it stays off"):format(root, why), { "Run :CopydeskRestart once the cause is fixed" })
  end
end

return M
