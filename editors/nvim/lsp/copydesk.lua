-- Neovim 0.11+: `vim.lsp.enable("copydesk")` picks this up from the
-- runtimepath (override with `vim.lsp.config("copydesk", { ... })`).
-- Without :CopydeskEntities/:CopydeskRestart; use require("copydesk").setup() for those.
return {
  cmd = { "copydesk", "serve" },
  filetypes = { "text", "markdown" },
  root_markers = { "copydesk.toml", ".git" },
  settings = { copydesk = vim.empty_dict() },
}
