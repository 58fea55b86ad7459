-- A server command that does not exist: one clear message naming it, no client, no retries.
local dir = assert(os.getenv("COPYDESK_NVIM_DIR"))
local H = dofile(dir .. "/test/harness.lua")
H.time_limit(30000)

local root = H.tempdir()
H.write(root .. "/copydesk.toml", "")
H.write(root .. "/a.txt", "Ein  Satz.\n")
H.write(root .. "/b.txt", "Noch ein Satz.\n")
local missing = root .. "/no-such-dir/copydesk"

H.step("a missing server is reported once, with the path tried", function()
  require("copydesk").setup({ cmd = { missing, "serve" } })
  vim.cmd("edit " .. root .. "/a.txt")
  vim.cmd("edit " .. root .. "/b.txt")
  vim.wait(300)
  local notes = H.notes_matching(missing)
  H.eq(#notes, 1, "messages naming " .. missing)
  H.ok(notes[1].msg:find("not an executable", 1, true), notes[1].msg)
  H.eq(notes[1].level, vim.log.levels.ERROR, "level")
  H.eq(#require("copydesk.compat").clients("copydesk"), 0, "clients")
end)

H.step(":checkhealth copydesk says the server is missing and how to fix it", function()
  vim.cmd("checkhealth copydesk")
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  H.ok(text:find("ERROR", 1, true) and text:find(missing, 1, true), text)
  H.ok(text:find("cargo install", 1, true), text)
end)

H.finish()
