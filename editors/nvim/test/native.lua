-- Neovim 0.11+ without the plugin's setup(): lsp/copydesk.lua on the
-- runtimepath, vim.lsp.config + vim.lsp.enable, as the README documents.
local dir = assert(os.getenv("COPYDESK_NVIM_DIR"))
local server = assert(os.getenv("COPYDESK_SERVER"))
local H = dofile(dir .. "/test/harness.lua")
H.time_limit(30000)

if vim.fn.has("nvim-0.11") == 0 then
  H.skip("vim.lsp.config / vim.lsp.enable with lsp/copydesk.lua", "needs Neovim 0.11")
  return H.finish()
end

local root = H.tempdir()
H.write(root .. "/.git", "") -- a root marker that is not copydesk.toml
H.write(root .. "/notiz.txt", "Über  die Grenze.\n")

H.step("vim.lsp.enable('copydesk') starts the server for a text file, rooted at .git", function()
  vim.lsp.config("copydesk", { cmd = { server, "serve" } })
  vim.lsp.enable("copydesk")
  vim.cmd("edit " .. root .. "/notiz.txt")
  local buf = vim.api.nvim_get_current_buf()
  H.eq(vim.bo[buf].filetype, "text", "filetype")
  local client = H.wait("a copydesk client", function()
    return vim.lsp.get_clients({ name = "copydesk", bufnr = buf })[1]
  end)
  H.eq(client.config.root_dir, root, "root_dir")
  local d = H.wait("a spacing/double-space diagnostic", function()
    for _, x in ipairs(vim.diagnostic.get(buf)) do
      if x.code == "spacing/double-space" then
        return x
      end
    end
  end)
  H.eq({ d.lnum, d.col }, { 0, #"Über" }, "line and byte column")
end)

H.finish()
