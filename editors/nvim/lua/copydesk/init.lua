-- copydesk for Neovim: starts `copydesk serve` for text and Markdown
-- buffers (one server per root: the nearest folder with copydesk.toml,
-- else with .git, else the file's folder) and adds :CopydeskEntities and
-- :CopydeskRestart.
--
-- A missing or crashing server is reported once, with the command tried,
-- and never restarted in a loop: a root whose server died stays off until
-- :CopydeskRestart.
local compat = require("copydesk.compat")

local M = {}

local NAME = "copydesk"

local defaults = {
  -- The server command; the first item is looked up on $PATH unless it is a path.
  cmd = { "copydesk", "serve" },
  filetypes = { "text", "markdown" },
  -- Searched upward in this order: a copydesk.toml anywhere above wins over a nearer .git.
  root_markers = { "copydesk.toml", ".git" },
  -- Server settings: the keys of copydesk.toml (kebab-case or camelCase).
  settings = {},
  autostart = true,
  on_attach = nil,
  capabilities = nil,
  handlers = nil,
}

local config = nil
local state = {
  clients = {}, -- root → client id (0.7 path)
  failed = {}, -- root → why its server is off
  stopping = {}, -- client id → true while we stop it on purpose
  told = {}, -- message key → true (each told once until :CopydeskRestart)
}

local function notify(key, msg, level)
  if state.told[key] then
    return
  end
  state.told[key] = true
  vim.schedule(function()
    vim.notify(msg, level or vim.log.levels.ERROR, { title = "copydesk" })
  end)
end

local function is_dir_or_file(p)
  return vim.loop.fs_stat(p) ~= nil
end

--- The workspace root for a buffer.
function M.root(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr or 0)
  local start = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.loop.cwd()
  local markers = (config or defaults).root_markers
  for _, marker in ipairs(markers) do
    local dir = start
    while true do
      if is_dir_or_file(dir .. "/" .. marker) then
        return dir
      end
      local parent = vim.fn.fnamemodify(dir, ":h")
      if parent == dir then
        break
      end
      dir = parent
    end
  end
  return start
end

--- Where the server binary is (or nil), and the name that was looked up.
function M.server_path()
  local exe = (config or defaults).cmd[1]
  if vim.fn.executable(exe) == 1 then
    return vim.fn.exepath(exe), exe
  end
  return nil, exe
end

local function not_found_message(exe)
  local where = exe:find("/", 1, true) and ("%s is not an executable file"):format(exe)
    or ("'%s' was not found on $PATH"):format(exe)
  return ("copydesk: server not found: %s. Install it (cargo install --path . in the copydesk repository) "
    .. "or pass cmd = { '/path/to/copydesk', 'serve' } to require('copydesk').setup(), then run :CopydeskRestart."):format(
    where
  )
end

-- JSON needs an object for empty settings, not an empty list.
local function as_object(t)
  if t == nil or next(t) == nil then
    return vim.empty_dict()
  end
  return t
end

local function client_config(root)
  local settings = as_object(config.settings)
  return {
    name = NAME,
    cmd = config.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = settings,
    -- Answers the server's workspace/configuration for section "copydesk".
    settings = { copydesk = settings },
    capabilities = config.capabilities,
    handlers = config.handlers,
    on_attach = config.on_attach,
    on_exit = function(code, signal, client_id)
      local ours = state.stopping[client_id]
      state.stopping[client_id] = nil
      if state.clients[root] == client_id then
        state.clients[root] = nil
      end
      if ours or (code == 0 and (signal or 0) == 0) then
        return
      end
      local how = (signal or 0) ~= 0 and ("was killed by signal %d"):format(signal)
        or ("exited with code %d"):format(code)
      state.failed[root] = how
      notify(
        "exit:" .. root,
        ("copydesk: the server (%s) %s for %s and will not be restarted. See :LspLog; run :CopydeskRestart once the cause is fixed."):format(
          table.concat(config.cmd, " "),
          how,
          root
        )
      )
    end,
  }
end

--- Starts (or reuses) the server for a buffer's root and attaches the buffer.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if config == nil or vim.bo[bufnr].buftype ~= "" then
    return nil
  end
  local root = M.root(bufnr)
  if state.failed[root] then
    return nil
  end
  local path, exe = M.server_path()
  if path == nil then
    notify("missing", not_found_message(exe))
    return nil
  end
  local id
  if compat.has_start then
    id = vim.lsp.start(client_config(root), { bufnr = bufnr })
  else
    id = state.clients[root]
    local c = id and vim.lsp.get_client_by_id(id)
    if not c or compat.is_stopped(c) then
      id = vim.lsp.start_client(client_config(root))
      state.clients[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(bufnr, id)
    end
  end
  if id == nil then
    state.failed[root] = "could not start"
    notify("start:" .. root, ("copydesk: could not start %s for %s; see :LspLog."):format(table.concat(config.cmd, " "), root))
  end
  return id
end

local function wanted(bufnr)
  return vim.tbl_contains(config.filetypes, vim.bo[bufnr].filetype)
end

--- Stops every copydesk server, forgets failures and starts them again for the open buffers.
function M.restart()
  if config == nil then
    vim.notify("copydesk: call require('copydesk').setup() first", vim.log.levels.ERROR)
    return
  end
  local clients = compat.clients(NAME)
  for _, c in ipairs(clients) do
    state.stopping[c.id] = true
    vim.lsp.stop_client(c.id)
  end
  vim.wait(3000, function()
    for _, c in ipairs(clients) do
      if not compat.is_stopped(c) then
        return false
      end
    end
    return true
  end, 20)
  for _, c in ipairs(clients) do
    if not compat.is_stopped(c) then
      vim.lsp.stop_client(c.id, true)
    end
  end
  state.clients, state.failed, state.told = {}, {}, {}
  local started = 0
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and wanted(b) and M.attach(b) then
      started = started + 1
    end
  end
  vim.notify(("copydesk: restarted (%d buffer%s attached)"):format(started, started == 1 and "" or "s"), vim.log.levels.INFO)
end

function M.setup(opts)
  config = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  -- Lists replace, not merge.
  for _, k in ipairs({ "cmd", "filetypes", "root_markers" }) do
    if opts and opts[k] then
      config[k] = opts[k]
    end
  end
  local group = vim.api.nvim_create_augroup("copydesk", { clear = true })
  if config.autostart then
    vim.api.nvim_create_autocmd("FileType", {
      group = group,
      pattern = config.filetypes,
      callback = function(ev)
        M.attach(ev.buf)
      end,
    })
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) and wanted(b) then
        M.attach(b)
      end
    end
  end
  vim.api.nvim_create_user_command("CopydeskRestart", function()
    M.restart()
  end, { desc = "Restart the copydesk language server" })
  vim.api.nvim_create_user_command("CopydeskEntities", function(c)
    require("copydesk.entities").to_quickfix({ all = c.bang })
  end, { bang = true, desc = "Quickfix list of the mentions of the entity under the cursor (! for all entities)" })
end

function M.get_config()
  return config
end

--- For :checkhealth and tests.
function M.status()
  return { failed = vim.deepcopy(state.failed) }
end

return M
