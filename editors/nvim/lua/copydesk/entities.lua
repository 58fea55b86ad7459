-- :CopydeskEntities — the quickfix list of an entity's mentions, from the
-- server's `copydesk/entities` request:
--   params {} (workspace) or { uri = ... } (one document)
--   result { entities = { { id, name, kind, mentions = { { uri, range, text } } } } }
local compat = require("copydesk.compat")

local M = {}

M.METHOD = "copydesk/entities"
local METHOD_NOT_FOUND = -32601

local function valid_range(r)
  return type(r) == "table"
    and type(r.start) == "table"
    and type(r["end"]) == "table"
    and type(r.start.line) == "number"
    and type(r.start.character) == "number"
end

--- Keeps entities and mentions of the documented shape; returns them and how many were dropped.
function M.parse(result)
  local out, dropped = {}, 0
  if type(result) ~= "table" or type(result.entities) ~= "table" then
    return out, result == nil and 0 or 1
  end
  for _, e in ipairs(result.entities) do
    if type(e) == "table" and type(e.name) == "string" and type(e.mentions) == "table" then
      local mentions = {}
      for _, m in ipairs(e.mentions) do
        if type(m) == "table" and type(m.uri) == "string" and valid_range(m.range) then
          table.insert(mentions, m)
        else
          dropped = dropped + 1
        end
      end
      table.insert(out, { id = e.id, name = e.name, kind = type(e.kind) == "string" and e.kind or "other", mentions = mentions })
    else
      dropped = dropped + 1
    end
  end
  table.sort(out, function(a, b)
    if #a.mentions ~= #b.mentions then
      return #a.mentions > #b.mentions
    end
    return a.name < b.name
  end)
  return out, dropped
end

local function before_or_equal(a, b)
  return a.line < b.line or (a.line == b.line and a.character <= b.character)
end

--- The entity with a mention in `uri` that contains `pos` (an LSP position).
function M.at(entities, uri, pos)
  for _, e in ipairs(entities) do
    for _, m in ipairs(e.mentions) do
      if m.uri == uri and before_or_equal(m.range.start, pos) and before_or_equal(pos, m.range["end"]) then
        return e
      end
    end
  end
  return nil
end

--- Quickfix items for entities' mentions, each text prefixed with the entity.
function M.items(entities, offset_encoding)
  local items = {}
  for _, e in ipairs(entities) do
    local locations = {}
    for _, m in ipairs(e.mentions) do
      table.insert(locations, { uri = m.uri, range = m.range })
    end
    for _, it in ipairs(vim.lsp.util.locations_to_items(locations, offset_encoding)) do
      it.text = ("%s (%s): %s"):format(e.name, e.kind, vim.trim(it.text or ""))
      table.insert(items, it)
    end
  end
  return items
end

--- Asks the server attached to the current buffer; fills and opens the quickfix list.
-- opts.all: every entity even when the cursor is on one. opts.on_done(ok, what) for tests.
function M.to_quickfix(opts)
  opts = opts or {}
  local done = opts.on_done or function() end
  local bufnr = vim.api.nvim_get_current_buf()
  local client = compat.clients("copydesk", bufnr)[1]
  if client == nil then
    vim.notify("copydesk: no copydesk server is attached to this buffer", vim.log.levels.WARN)
    return done(false, "not attached")
  end
  local pos = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local uri = pos.textDocument.uri
  compat.request(client, M.METHOD, vim.empty_dict(), function(err, result)
    if err then
      if err.code == METHOD_NOT_FOUND then
        vim.notify(
          "copydesk: this copydesk server does not answer " .. M.METHOD .. " yet; update copydesk to list entities",
          vim.log.levels.WARN
        )
        return done(false, "method not found")
      end
      vim.notify("copydesk: " .. M.METHOD .. " failed: " .. tostring(err.message), vim.log.levels.ERROR)
      return done(false, "error")
    end
    local entities, dropped = M.parse(result)
    if dropped > 0 then
      vim.notify(("copydesk: ignored %d malformed item(s) in the entities answer"):format(dropped), vim.log.levels.WARN)
    end
    local here = not opts.all and M.at(entities, uri, pos.position) or nil
    local chosen = here and { here } or entities
    local title = here and ("copydesk: %s (%s)"):format(here.name, here.kind) or "copydesk: entities"
    if #chosen == 0 then
      vim.notify("copydesk: no entities found", vim.log.levels.INFO)
      return done(true, "empty")
    end
    vim.fn.setqflist({}, " ", { title = title, items = M.items(chosen, client.offset_encoding) })
    vim.cmd("botright copen")
    return done(true, title)
  end, bufnr)
end

return M
