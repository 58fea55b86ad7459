-- A small test harness for headless Neovim: named steps, TAP-like output on
-- stdout, a hard time limit, and an exit status that tells CI what happened.
local H = {}

local passed, failed, skipped, n = 0, 0, 0, 0

local function out(s)
  io.stdout:write(s .. "\n")
  io.stdout:flush()
end
H.out = out

--- Runs one named step; an error (or a failed H.eq/H.ok) fails it.
function H.step(name, fn)
  n = n + 1
  local ok, err = xpcall(fn, debug.traceback)
  if ok then
    passed = passed + 1
    out(("ok %d - %s"):format(n, name))
  else
    failed = failed + 1
    out(("not ok %d - %s\n  %s"):format(n, name, tostring(err):gsub("\n", "\n  ")))
  end
  return ok
end

function H.skip(name, why)
  n = n + 1
  skipped = skipped + 1
  out(("ok %d - %s # SKIP %s"):format(n, name, why))
end

function H.ok(cond, msg)
  if not cond then
    error(msg or "assertion failed", 2)
  end
  return cond
end

function H.eq(actual, expected, what)
  if not vim.deep_equal(actual, expected) then
    error(("%s: expected %s, got %s"):format(what or "value", vim.inspect(expected), vim.inspect(actual)), 2)
  end
end

--- Waits until f() returns a truthy value (returned), or fails naming `what`.
function H.wait(what, f, ms)
  local value
  local ok = vim.wait(ms or 10000, function()
    value = f()
    return value ~= nil and value ~= false
  end, 20)
  if not ok then
    error("timed out waiting for " .. what, 2)
  end
  return value
end

--- Every vim.notify call, recorded (and still shown).
H.notes = {}
local orig_notify = vim.notify
vim.notify = function(msg, level, opts)
  table.insert(H.notes, { msg = tostring(msg), level = level })
  return orig_notify(msg, level, opts)
end

function H.notes_matching(pattern)
  local out_ = {}
  for _, m in ipairs(H.notes) do
    if m.msg:find(pattern, 1, true) then
      table.insert(out_, m)
    end
  end
  return out_
end

--- Stops LSP clients and quits with status 0 when every step passed.
function H.finish()
  for _, c in ipairs(vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()) do
    vim.lsp.stop_client(c.id)
  end
  vim.wait(2000, function()
    return #(vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()) == 0
  end, 20)
  out(("%d passed, %d failed%s"):format(passed, failed, skipped > 0 and (", %d skipped"):format(skipped) or ""))
  vim.cmd(failed == 0 and "qall!" or "cquit 1")
end

function H.time_limit(ms)
  vim.defer_fn(function()
    out(("not ok - time limit of %d ms exceeded"):format(ms))
    vim.cmd("cquit 2")
  end, ms)
end

--- A fresh folder under the system temp dir.
function H.tempdir()
  local d = vim.fn.tempname()
  vim.fn.mkdir(d, "p")
  return d
end

function H.write(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

function H.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("*a")
  f:close()
  return s
end

--- UTF-16 code units in the first `bytes` bytes of a UTF-8 string, counted
-- here rather than with Neovim's own helpers so the test checks them.
function H.utf16_units(s, bytes)
  local units, i = 0, 1
  while i <= bytes do
    local c = s:byte(i)
    local len = c < 0x80 and 1 or c < 0xE0 and 2 or c < 0xF0 and 3 or 4
    units = units + (len == 4 and 2 or 1)
    i = i + len
  end
  return units
end

return H
