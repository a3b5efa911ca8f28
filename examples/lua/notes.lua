-- notes.lua: the script the main job runs on each build of the Lua
-- interpreter (targets/tools/demo.sh): ordinary file work, as a 1990s
-- program does it: write a file, rename it, read it back, use a temporary
-- file, clean up.
local f = assert(io.open("notes.txt", "w"))
for i = 1, 3 do f:write(("note %d: written by Lua %s\n"):format(i, _VERSION:sub(5))) end
f:close()
assert(os.rename("notes.txt", "kept.txt"))
local lines = {}
for line in io.lines("kept.txt") do lines[#lines + 1] = line end
local t = io.tmpfile()
t:write("scratch space")
t:seek("set", 8)
local tail = t:read("a")
t:close()
print(("   lua: wrote notes.txt, renamed it kept.txt, read back %d lines (%q ...)")
      :format(#lines, lines[1]))
print(("   lua: tmpfile gave back %q; notes.txt %s, kept.txt %s")
      :format(tail, io.open("notes.txt") and "exists" or "is gone",
              io.open("kept.txt") and "exists" or "is gone"))
assert(os.remove("kept.txt"))
