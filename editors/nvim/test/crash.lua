-- A server that dies at start-up: one message with the exit code, and the
-- root stays off (no restart loop) until :CopydeskRestart.
local dir = assert(os.getenv("COPYDESK_NVIM_DIR"))
local H = dofile(dir .. "/test/harness.lua")
H.time_limit(30000)

local root = H.tempdir()
H.write(root .. "/copydesk.toml", "")
H.write(root .. "/a.txt", "Ein Satz.\n")
H.write(root .. "/b.txt", "Noch ein Satz.\n")
local runs = root .. "/runs"
local fake = root .. "/fake-copydesk"
-- Counts its starts, then fails the way a broken binary would.
H.write(fake, ("#!/bin/sh\necho run >> '%s'\necho 'fake copydesk: broken' >&2\nexit 3\n"):format(runs))
vim.fn.setfperm(fake, "rwxr-xr-x")

local function count_runs()
  local f = io.open(runs, "r")
  if not f then
    return 0
  end
  local n = 0
  for _ in f:lines() do
    n = n + 1
  end
  f:close()
  return n
end

H.step("a crashing server is reported once with its exit code", function()
  require("copydesk").setup({ cmd = { fake } })
  vim.cmd("edit " .. root .. "/a.txt")
  local note = H.wait("the crash message", function()
    return H.notes_matching("exited with code 3")[1]
  end)
  H.ok(note.msg:find(fake, 1, true), note.msg)
  H.ok(note.msg:find(":CopydeskRestart", 1, true), note.msg)
end)

H.step("opening another file in the same root does not start it again", function()
  vim.cmd("edit " .. root .. "/b.txt")
  vim.wait(500)
  H.eq(count_runs(), 1, "server starts")
  H.eq(#H.notes_matching("exited with code"), 1, "crash messages")
end)

H.step(":CopydeskRestart tries again, and says so again once", function()
  vim.cmd("CopydeskRestart")
  H.wait("a second crash message", function()
    return #H.notes_matching("exited with code 3") == 2
  end)
  vim.wait(300)
  H.eq(count_runs(), 2, "server starts")
end)

H.finish()
