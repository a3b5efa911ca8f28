-- workload.lua: the Lua interpreter on files, run as "lua -" with this
-- script on stdin. It creates everything it reads (relative names in the
-- current directory, temporary files in /tmp), prints what each call
-- returns, and ends with the size, checksum and contents of every file it
-- leaves behind, so that a run whose files cannot be looked at from
-- outside (wasm32-wasi-vfs) is compared through its output alone.
--
-- Nothing printed depends on the platform's errno numbers, on addresses,
-- time, the environment or random names (only whether a name has the
-- expected form).

local left = {}        -- files left behind, in creation order
local function keep(name) left[#left + 1] = name end

local function q(s) return string.format("%q", s) end

local function slurp(name)
  local f = assert(io.open(name, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- The message of a failed call, without the (platform) error number.
local function msg(ok, err) if ok then return "ok" end return err end

-- FNV-1a over the bytes of s, as 8 hex digits.
local function fnv(s)
  local h = 0x811c9dc5
  for i = 1, #s do
    h = ((h ~ s:byte(i)) * 0x01000193) & 0xffffffff
  end
  return string.format("%08x", h)
end

local function section(name) print(("== %s"):format(name)) end

section "w: create and truncate"
local f = assert(io.open("modes.txt", "w"))
print(io.type(f), f:write("line 1\n", "line 2\n", 3, " ", 4.5, "\n") == f)
print("position", f:seek())
f:close()
print(io.type(f), q(slurp("modes.txt")))
f = assert(io.open("modes.txt", "w"))
f:write("short\n")
f:close()
print("after second w", q(slurp("modes.txt")))
keep("modes.txt")

section "a: append"
f = assert(io.open("modes.txt", "a"))
print("position at open", f:seek("cur"))
f:write("appended 1\n")
f:seek("set", 0)
f:write("appended 2\n")   -- "a" writes at the end whatever the position
f:close()
print(q(slurp("modes.txt")))

section "r: read"
f = assert(io.open("modes.txt", "r"))
print(f:read("l"), f:read("L"), f:read(3), f:read("a"), f:read("l"), f:read(0))
print("write on r", msg(f:write("x")))
f:close()

section "r+: update in place"
f = assert(io.open("modes.txt", "r+"))
print(f:read("l"))
f:seek("set", 0)
f:write("SHORT")
f:seek("end")
f:write("tail\n")
f:close()
print(q(slurp("modes.txt")))

section "w+: truncate, then read back"
f = assert(io.open("wplus.txt", "w+"))
f:write("abc\ndef\n")
f:seek("set")
print(q(f:read("a")))
f:seek("set", 4)
f:write("DEF")
f:seek("set")
print(q(f:read("a")))
f:close()
keep("wplus.txt")

section "a+: read anywhere, write at the end"
f = assert(io.open("modes.txt", "a+"))
f:seek("set", 0)
print(f:read("l"))
f:write("end\n")
f:seek("set", 0)
local all = f:read("a")
print(#all, q(all:sub(-9)))
f:close()

section "binary modes"
local bytes = {}
for i = 0, 255 do bytes[#bytes + 1] = string.char(i) end
bytes = table.concat(bytes)
f = assert(io.open("bytes.bin", "wb"))
f:write(bytes, bytes:reverse())
f:close()
f = assert(io.open("bytes.bin", "ab"))
f:write(string.pack("<i4 >i8 d z", -2, 1 << 40, 0.1, "packed"))
f:close()
f = assert(io.open("bytes.bin", "r+b"))
f:seek("set", 512)
local packed = f:read("a")
print(#packed, string.unpack("<i4 >i8 d z", packed))
f:seek("set", 0)
f:write("\0\255")
f:close()
f = assert(io.open("bytes.bin", "rb"))
local b = f:read("a")
print(#b, b:byte(1), b:byte(2), b:byte(3), b:byte(256), b:byte(257), fnv(b))
f:close()
f = assert(io.open("scratch.bin", "w+b"))
f:write(bytes)
f:seek("set", 10)
print(f:read(5):byte(1, -1))
f:close()
f = assert(io.open("scratch.bin", "a+b"))
f:write("++")
f:seek("set", 254)
print(f:read("a"):byte(1, -1))
f:close()
keep("bytes.bin")
keep("scratch.bin")

section "read formats"
f = assert(io.open("numbers.txt", "w"))
f:write("1 2.5 0x10 -7e2 1e400\n", "  42abc\n", "last line without newline")
f:close()
f = assert(io.open("numbers.txt"))
print(f:read("n", "n", "n", "n", "n"))
print(f:read("n"), q(f:read("l")), q(f:read("L")), f:read("l"), f:read("l"))
f:close()
keep("numbers.txt")

section "io.lines"
local n = 0
for l in io.lines("modes.txt") do n = n + 1; io.write(n, ":", l, "|") end
print()
for l in io.lines("modes.txt", "L") do io.write(q(l), " ") end
print()
for a, b in io.lines("numbers.txt", "n", "n") do print(a, b) break end
for c in io.lines("numbers.txt", 4) do io.write("[", c, "]") end
print()
print("missing", pcall(io.lines, "missing.txt"))
f = assert(io.open("numbers.txt"))
for l in f:lines("l") do io.write(#l, " ") end
print(io.type(f))
f:close()

section "seek"
f = assert(io.open("seek.bin", "w+b"))
f:write("0123456789")
print(f:seek("end"), f:seek("set", 3), f:read(2), f:seek("cur", 2), f:read(1))
print(f:seek("end", -1), f:read(1), f:seek("cur", -3), f:read(1))
print(f:seek("set", 20), f:write("X") == f, f:seek("end"))
f:seek("set")
print(q(f:read("a")))
local ok, err = f:seek("set", -1)
print("seek before start", ok, err)
print("bad whence", pcall(f.seek, f, "middle"))
f:close()
keep("seek.bin")

section "buffering"
-- setvbuf right after opening (C allows it only before any other call).
for _, mode in ipairs({"no", "full", "line"}) do
  local name = "buffer-" .. mode .. ".txt"
  f = assert(io.open(name, "w"))
  print(mode, f:setvbuf(mode, 1024), f:write("a line\nmore") == f, #slurp(name))
  print(f:flush() == f, #slurp(name))
  f:close()
  assert(os.remove(name))
end

section "default input and output"
io.output("default.txt")
io.write("via io.write ", 1, " ", 2.0, "\n")
io.output():write("via io.output()\n")
io.output():close()
io.output(io.stdout)
io.input("default.txt")
print(io.read("l"))
print(io.read("L"))
print(io.read("l"))
io.input():close()
io.input(io.stdin)
for l in io.lines("default.txt") do print("line", l) end
keep("default.txt")

section "os.rename"
f = assert(io.open("old.txt", "w")); f:write("old\n"); f:close()
f = assert(io.open("target.txt", "w")); f:write("target\n"); f:close()
print(os.rename("old.txt", "renamed.txt"), io.open("old.txt") == nil)
print(os.rename("renamed.txt", "target.txt"), q(slurp("target.txt")))
print("missing", (select(2, os.rename("no-such-file", "x"))))
print("into missing dir", (select(2, os.rename("target.txt", "no/such/dir"))))
keep("target.txt")

section "os.remove"
f = assert(io.open("gone.txt", "w")); f:write("x"); f:close()
print(os.remove("gone.txt"), io.open("gone.txt") == nil)
print("again", (select(2, os.remove("gone.txt"))))
print("missing dir", (select(2, os.remove("no/such/file"))))

section "os.tmpname"
local tn = os.tmpname()
print("name", tn:match("^/tmp/lua_%w%w%w%w%w%w$") ~= nil)
print("exists, empty", #slurp(tn))
f = assert(io.open(tn, "w")); f:write("temporary\n"); f:close()
print(q(slurp(tn)))
local tn2 = os.tmpname()
print("different", tn ~= tn2)
print(os.remove(tn), os.remove(tn2))

section "io.tmpfile"
local t = io.tmpfile()
print(io.type(t), t:write("temp 1\ntemp 2\n") == t, t:seek("cur"))
t:seek("set")
print(t:read("l"), t:read("l"), t:read("l"))
t:seek("set", 5)
t:write("X")
t:seek("set")
print(q(t:read("a")))
t:close()
print(io.type(t))

section "errors"
print("open missing", (select(2, io.open("missing.txt"))))
print("create in missing dir", (select(2, io.open("no/such/dir/f.txt", "w"))))
print("bad mode", pcall(io.open, "modes.txt", "rw"))
print("closed file", pcall(f.read, f))
local d = io.open(".", "r")
print("open directory", d ~= nil)
if d then
  print("read directory", (select(2, d:read(1))))
  d:close()
end
print("write directory", (select(2, io.open(".", "w"))))

section "many files"
for i = 1, 60 do
  f = assert(io.open(("many-%02d.txt"):format(i), "w"))
  f:write(("file %d\n"):format(i):rep(i))
  f:close()
end
for i = 1, 60, 2 do assert(os.remove(("many-%02d.txt"):format(i))) end
for i = 2, 60, 2 do
  assert(os.rename(("many-%02d.txt"):format(i), ("kept-%02d.txt"):format(i)))
end
local sum = 0
for i = 2, 60, 2 do sum = sum + #slurp(("kept-%02d.txt"):format(i)) end
print("bytes in kept files", sum)
for i = 2, 60, 10 do keep(("kept-%02d.txt"):format(i)) end
for i = 2, 60, 2 do
  if i % 10 ~= 2 then assert(os.remove(("kept-%02d.txt"):format(i))) end
end

section "a larger file"
f = assert(io.open("large.txt", "w"))
for i = 1, 20000 do f:write(("%05d %s\n"):format(i, ("x"):rep(i % 23))) end
f:close()
local lines, chars = 0, 0
for l in io.lines("large.txt") do lines = lines + 1; chars = chars + #l end
print(lines, chars)
f = assert(io.open("large.txt", "r+"))
f:seek("set", 100000)
f:write("<<middle>>")
f:seek("set", 99995)
print(f:read(20))
f:close()
keep("large.txt")

section "files left behind"
for _, name in ipairs(left) do
  local s = slurp(name)
  print(name, #s, fnv(s))
end
for _, name in ipairs(left) do
  local s = slurp(name)
  if #s <= 200 then print(name, q(s)) end
end
