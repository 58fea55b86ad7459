-- The :CopydeskEntities logic on made-up answers (no server): parsing,
-- the entity under the cursor, and quickfix items with byte columns.
local dir = assert(os.getenv("COPYDESK_NVIM_DIR"))
local H = dofile(dir .. "/test/harness.lua")
H.time_limit(20000)
local E = require("copydesk.entities")

local root = H.tempdir()
local file = root .. "/a.md"
H.write(file, "Erste Zeile.\n«Zürich» sagt Müller, dann Müller.\n")
local uri = vim.uri_from_fname(file)
local function r(line, a, b)
  return { start = { line = line, character = a }, ["end"] = { line = line, character = b } }
end

-- UTF-16 columns: «Zürich» sagt = 14 units before "Müller" (« and ü are one unit each).
local answer = {
  entities = {
    { id = "p1", name = "Müller", kind = "person", mentions = {
      { uri = uri, range = r(1, 14, 20), text = "Müller" },
      { uri = uri, range = r(1, 27, 33), text = "Müller" },
    } },
    { id = "l1", name = "Zürich", kind = "location", mentions = { { uri = uri, range = r(1, 1, 7), text = "Zürich" } } },
    { name = "kaputt", mentions = { { uri = uri, range = { start = {} } } } },
    "nonsense",
  },
}

H.step("malformed entities and mentions are dropped and counted; most mentioned first", function()
  local entities, dropped = E.parse(answer)
  H.eq(dropped, 2, "dropped")
  H.eq(#entities, 3, "entities kept")
  H.eq({ entities[1].name, entities[2].name, entities[3].name }, { "Müller", "Zürich", "kaputt" }, "order")
  H.eq({ E.parse(nil) }, { {}, 0 }, "nil answer")
  H.eq(select(2, E.parse({ items = {} })), 1, "answer without entities")
end)

H.step("the entity under the cursor is found by its mention ranges", function()
  local entities = E.parse(answer)
  H.eq(E.at(entities, uri, { line = 1, character = 16 }).name, "Müller", "inside the first mention")
  H.eq(E.at(entities, uri, { line = 1, character = 33 }).name, "Müller", "at the end of the second")
  H.eq(E.at(entities, uri, { line = 1, character = 3 }).name, "Zürich", "inside Zürich")
  H.eq(E.at(entities, uri, { line = 1, character = 22 }), nil, "between mentions")
  H.eq(E.at(entities, "file:///other.md", { line = 1, character = 16 }), nil, "another file")
end)

H.step("quickfix items carry 1-based lines and byte columns converted from UTF-16", function()
  local entities = E.parse(answer)
  local items = E.items({ entities[1] }, "utf-16")
  H.eq(#items, 2, "items")
  local line = "«Zürich» sagt Müller, dann Müller."
  H.eq({ items[1].lnum, items[1].col }, { 2, (line:find("Müller", 1, true)) }, "first mention")
  H.eq(items[2].col, (line:find("Müller", 20, true)), "second mention")
  H.ok(items[1].text:find("^Müller %(person%): "), items[1].text)
  H.eq(vim.fn.fnamemodify(items[1].filename, ":p"), vim.fn.fnamemodify(file, ":p"), "file")
end)

H.finish()
