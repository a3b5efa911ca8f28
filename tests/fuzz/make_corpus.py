#!/usr/bin/env python3
"""Writes the seed corpus of vfs_diff: one small file per scenario.

The byte format is the one decode.c reads; this script is its encoder.
Usage: make_corpus.py OUTDIR   (the committed corpus is corpus/vfs_diff/)
"""
import os
import sys

KINDS = ("open close read write pread pwrite lseek truncate ftruncate dup "
         "dup2 dup3 dupfd mkdir rmdir unlink rename link symlink readlink "
         "stat lstat fstat readdir chmod fchmod utimensat access chdir "
         "fchdir umask atflags").split()
K = {name: i for i, name in enumerate(KINDS)}

COMP = {"a": 0, "b": 1, "c": 2, "d": 3, ".": 4, "..": 5, "L255": 6,
        "L256": 7, "": 8, "f": 9, "e": 12, "LONG": 13, "s": 15}
LENS = [0, 1, 2, 5, 16, 17, 100, 4095, 4096, 4097, 8192, 10000, 65536,
        65539, 3, 7]
OFFS = [0, 1, 2, 3, 12, 100, 4095, 4096, 4097, 5000, 8192, 65535, 65536,
        100000, 1048575, -1]
MODES = [0o644, 0o600, 0o755, 0o700, 0, 0o400, 0o200, 0o100, 0o500, 0o300,
         0o777, 0o1777, 0o444, 0o111, 0o4755, 0o2755]
LINKBUFS = [0, 1, 3, 4096]
# utimensat time table indices
NOW, OMIT, T0, T1_5, T2001, TNEG, T2096, TBAD = range(8)

ACC = {"r": 0, "w": 1, "rw": 2, "path": 3}
OFL = {"creat": 4, "excl": 8, "trunc": 16, "append": 32, "dir": 64,
       "nofollow": 128}
NOFD = 16  # decodes to -1, never open


def path(p, fd=None):
    """'/a/b/' style text -> bytes. Components from COMP; a trailing '/'
    or '//' is kept; fd: resolve relative to that descriptor."""
    absolute = p.startswith("/")
    body = p[1:] if absolute else p
    trail = 0
    if body.endswith("//") and body not in ("/", "//"):
        trail, body = 3, body[:-2]
    elif body.endswith("/") and body != "":
        trail, body = 2, body[:-1]
    comps = body.split("/") if body else []
    assert len(comps) <= 7, p
    h = int(absolute) | trail << 1 | len(comps) << 3
    out = []
    if fd is not None:
        h |= 3 << 6
        out.append(fd)
    return bytes([h] + out + [COMP[c] for c in comps])


def idx(table, v):
    return table.index(v)


def op(kind, *args):
    return bytes([K[kind]]) + b"".join(
        a if isinstance(a, bytes) else bytes([a]) for a in args)


def oflags(acc, *fl):
    v = ACC[acc]
    for f in fl:
        v |= OFL[f]
    return v


def open_(p, acc="rw", *fl, mode=0o644, fd=None):
    return op("open", path(p, fd), oflags(acc, *fl), idx(MODES, mode))


def creat(p, mode=0o644):
    return open_(p, "rw", "creat", mode=mode)


def close(fd): return op("close", fd)
def read(fd, n): return op("read", fd, idx(LENS, n))
def write(fd, n, seed=1): return op("write", fd, idx(LENS, n), seed)
def pread(fd, n, off): return op("pread", fd, idx(LENS, n), idx(OFFS, off))
def pwrite(fd, n, off, seed=2):
    return op("pwrite", fd, idx(LENS, n), idx(OFFS, off), seed)
def lseek(fd, off, whence): return op("lseek", fd, idx(OFFS, off), whence)
def truncate(p, off): return op("truncate", path(p), idx(OFFS, off))
def ftruncate(fd, off): return op("ftruncate", fd, idx(OFFS, off))
def dup(fd): return op("dup", fd)
def dup2(fd, fd2): return op("dup2", fd, fd2)
def dup3(fd, fd2, flags=0): return op("dup3", fd, fd2, flags)
def dupfd(fd, minfd): return op("dupfd", fd, minfd)
def mkdir(p, mode=0o755, fd=None): return op("mkdir", path(p, fd), idx(MODES, mode))
def rmdir(p, fd=None): return op("rmdir", path(p, fd))
def unlink(p, fd=None): return op("unlink", path(p, fd))
def rename(a, b): return op("rename", path(a), path(b))
def link(a, b, follow=0): return op("link", path(a), path(b), follow)
def symlink(t, p): return op("symlink", path(t), path(p))
def readlink(p, n=4096, fd=None):
    return op("readlink", path(p, fd), idx(LINKBUFS, n))
def stat(p, fd=None): return op("stat", path(p, fd))
def lstat(p, fd=None): return op("lstat", path(p, fd))
def fstat(fd): return op("fstat", fd)
def readdir(fd): return op("readdir", fd)
def chmod(p, mode, nofollow=0): return op("chmod", path(p), idx(MODES, mode), nofollow)
def fchmod(fd, mode): return op("fchmod", fd, idx(MODES, mode))
def utimens(p, a, m, null=False, nofollow=False):
    return op("utimensat", path(p), int(null) | int(nofollow) << 1,
              a | m << 4)
def access(p, amode, nofollow=False):
    return op("access", path(p), amode | int(nofollow) << 4)
def chdir(p): return op("chdir", path(p))
def fchdir(fd): return op("fchdir", fd)
def umask(mode): return op("umask", idx(MODES, mode))
# atflags(call_op, bits): the call (one of the six above, made by its own
# helper) with flag bits it may not take: 1 AT_SYMLINK_NOFOLLOW,
# 2 AT_REMOVEDIR, 4 AT_SYMLINK_FOLLOW, 8 AT_EACCESS, 16 an unknown bit
AT_CALLS = ["unlink", "link", "stat", "utimensat", "chmod", "access"]
def atflags(call_op, bits):
    return (bytes([K["atflags"], AT_CALLS.index(KINDS[call_op[0]])]) +
            call_op[1:] + bytes([bits]))


SEEDS = {
    "rw_basic": [creat("a"), write(0, 5), lseek(0, 0, 0), read(0, 100),
                 read(0, 100), fstat(0), close(0), close(0)],
    "rw_sparse": [creat("/a"), pwrite(0, 100, 100000), pread(0, 16, 0),
                  pread(0, 4096, 65536), stat("a"), truncate("a", 12),
                  pread(0, 100, 0), ftruncate(0, 1048575), fstat(0)],
    "rw_blocks": [creat("a"), pwrite(0, 4097, 4095), pwrite(0, 65539, 1),
                  pwrite(0, 8192, 65535), pread(0, 65539, 4096),
                  ftruncate(0, 5000), pread(0, 8192, 4095), write(0, 1)],
    "rw_append": [open_("a", "w", "creat", "append"), write(0, 5),
                  lseek(0, 0, 0), write(0, 0), lseek(0, 0, 1), write(0, 3),
                  pwrite(0, 2, 0), fstat(0), lseek(0, 0, 1)],
    "rw_modes": [creat("a"), open_("a", "r"), write(1, 5), read(0, 5),
                 open_("a", "w"), read(2, 5), ftruncate(1, 0),
                 open_("a", "path"), read(3, 1), write(3, 1), fstat(3),
                 lseek(3, 0, 0), ftruncate(3, 0)],
    "rw_lseek": [creat("a"), write(0, 100), lseek(0, -1, 0), lseek(0, 12, 2),
                 lseek(0, 3, 1), lseek(0, 100, 3), lseek(0, 1048575, 0),
                 write(0, 1), fstat(0), lseek(NOFD, 0, 0)],
    "rw_trunc_open": [creat("a"), write(0, 100),
                      open_("a", "r", "trunc"), fstat(0),
                      chmod("a", 0o444), open_("a", "r", "trunc"),
                      open_("a", "r")],
    "dir_mkdir_rmdir": [mkdir("a"), mkdir("a/b"), rmdir("a"), mkdir("a"),
                        rmdir("a/b/"), rmdir("a/."), rmdir("a/.."),
                        rmdir("/"), rmdir("a"), rmdir("a"), stat("a")],
    "dir_readdir": [mkdir("a"), creat("a/b"), symlink("e", "a/c"),
                    mkdir("a/d"), open_("a", "r"), readdir(1), unlink("a/b"),
                    readdir(1), open_("a/d", "path"), readdir(2),
                    readdir(0), readdir(NOFD)],
    "dir_removed": [mkdir("a"), open_("a", "r"), rmdir("a"), readdir(0),
                    fstat(0), open_("b", "rw", "creat", fd=0),
                    mkdir("b", fd=0), stat(".", fd=0), stat("..", fd=0)],
    "dir_removed_cwd": [mkdir("a"), chdir("a"), rmdir("/a"), stat("."),
                        stat(".."), creat("e"), mkdir("f"), chdir(".."),
                        stat("a")],
    "dir_lseek": [mkdir("a"), open_("a", "r"), lseek(0, 3, 0),
                  lseek(0, 0, 1), lseek(0, 0, 2), lseek(0, -1, 0),
                  readdir(0), lseek(0, 0, 1), read(0, 1), pread(0, 1, 0)],
    "dir_open_write": [mkdir("a"), open_("a", "w"), open_("a", "rw"),
                       open_("a", "r", "creat"), open_("a", "r", "trunc"),
                       open_("a/", "r"), open_("a/", "r", "creat")],
    "names_long": [mkdir("L255"), mkdir("L256"), creat("L255/L255"),
                   stat("L256"), rename("L255", "L256"),
                   rename("L256", "b"), symlink("L256", "s"),
                   readlink("s"), stat("s"), open_("L256", "r", "creat")],
    "names_pathmax": [mkdir("L255")] + [
        mkdir("/" + "/".join(["L255"] * k)) for k in range(2, 8)] + [
        chdir("/L255/L255/L255/L255/L255/L255/L255"),
        mkdir("L255"), mkdir("L255/L255"), stat("/LONG"), stat("/LONG/a"),
        creat("L255/L255/a"), stat("/LONG/LONG")],
    "names_dots": [mkdir("a"), stat("/.."), stat("/../../a/.."),
                   stat("a/../a/./"), mkdir("."), mkdir("a/.."),
                   unlink("."), unlink(".."), rename(".", "b"),
                   rename("a", "."), stat(""), open_("", "r")],
    "names_slashes": [creat("f"), mkdir("d"), stat("f/"), stat("f//"),
                      stat("d//"), unlink("f/"), unlink("d/"),
                      rmdir("f/"), rename("f/", "s"), rename("f", "s/"),
                      rename("d/", "e/"), mkdir("c/"), symlink("f", "s/"),
                      link("f", "c/")],
    "rename_files": [creat("a"), creat("b"), write(0, 5), rename("a", "b"),
                     fstat(0), fstat(1), rename("b", "b"), stat("a"),
                     rename("b", "c"), stat("c")],
    "rename_dirs": [mkdir("a"), mkdir("b"), mkdir("a/c"), creat("f"),
                    rename("a", "b"), rename("b", "a"), rename("a", "a/c/d"),
                    rename("f", "a"), rename("a", "f"), rename("b", "f"),
                    rename("a/c", "b"), rename("a", "b/e"), stat("b/e")],
    "rename_ancestor": [mkdir("a"), mkdir("a/b"), rename("a/b", "a"),
                        rename("a", "a/b/c"), rename("a/b/..", "c"),
                        rename("/", "c"), rename("a/b", "/")],
    "links_hard": [creat("a"), link("a", "b"), stat("a"), unlink("a"),
                   fstat(0), link("b", "b"), mkdir("d"), link("d", "e"),
                   link("b", "d/e"), stat("d/e"), link("e", "f")],
    "links_symlink": [creat("f"), symlink("f", "s"), symlink("/f", "a"),
                      symlink("s", "b"), link("b", "c"), link("b", "d", 1),
                      lstat("c"), lstat("d"), readlink("c", 3),
                      readlink("f"), readlink("b", 0)],
    "symlink_loop": [symlink("a", "a"), stat("a"), lstat("a"),
                     open_("a", "r", "creat"), symlink("b/c", "b"),
                     stat("b/e"), symlink("a/L256", "c"), stat("c/e")],
    "symlink_dangling": [symlink("e", "s"), open_("s", "rw", "creat"),
                         stat("e"), unlink("e"), open_("s", "rw", "creat",
                                                       "excl"),
                         open_("s", "r", "nofollow"),
                         open_("s", "path", "nofollow"), readlink("", fd=0),
                         fstat(0), fchdir(0), open_("s", "r", "nofollow",
                                                    "dir")],
    "symlink_dirs": [mkdir("d"), symlink("d", "s"), symlink("/d/", "a"),
                     creat("s/f"), stat("a/f"), rmdir("s"), unlink("s/"),
                     rmdir("s/"), rename("s/", "b"), chdir("a"), stat("f"),
                     symlink("..", "e"), stat("e/d/f")],
    "symlink_root": [symlink("/", "s"), symlink("..", "e"), stat("s/s/s"),
                     stat("e/e/e/s"), mkdir("s/a"), stat("a"), unlink("s/")],
    "perm_file": [creat("a", 0o600), chmod("a", 0), open_("a", "r"),
                  open_("a", "w"), open_("a", "path"), access("a", 0),
                  access("a", 4), access("a", 8), truncate("a", 0),
                  chmod("a", 0o200), open_("a", "w"), read(0, 1)],
    "perm_dir": [mkdir("d"), creat("d/f"), chmod("d", 0o600), stat("d/f"),
                 creat("d/s"), chmod("d", 0o500), creat("d/s"),
                 unlink("d/f"), stat("d/f"), chmod("d", 0o300),
                 open_("d", "r"), chdir("d"), chmod("/d", 0o100),
                 rename("/d", "/e")],
    "perm_rename_dir": [mkdir("a"), mkdir("a/b"), mkdir("c"),
                        chmod("a/b", 0o500), rename("a/b", "c/b"),
                        rename("a/b", "a/e"), chmod("a", 0o500),
                        rename("a/e", "c/e")],
    "perm_root": [mkdir("a"), chmod("/", 0o600), stat("/a"), stat("a"),
                  chmod("/", 0), chdir("/"), chmod("/", 0o755)],
    "perm_setid": [creat("a", 0o4755), fchmod(0, 0o4755), write(0, 5),
                   fstat(0), fchmod(0, 0o2755), truncate("a", 0), stat("a"),
                   chmod("/", 0o2755), mkdir("d"), stat("d"), umask(0),
                   creat("d/f", 0o2755), stat("d/f")],
    "chdir_walk": [mkdir("a"), mkdir("a/b"), chdir("a"), chdir("b"),
                   creat("f"), chdir("../.."), stat("a/b/f"), chdir("a/b/f"),
                   chdir("e"), open_("a", "path"), fchdir(1), stat("b"),
                   fchdir(NOFD)],
    "fd_dup": [creat("a"), write(0, 5), dup(0), lseek(1, 1, 0),
               read(0, 100), dup2(0, 5), dup2(5, 5), dup3(0, 0),
               dup3(0, 7, 1), dup3(0, 8, 2), dupfd(0, 3), dupfd(0, NOFD),
               close(0), read(5, 1), dup(NOFD)],
    "fd_limit": [creat("a")] + [dup(0)] * 17 + [close(3), dup(0),
                                                dupfd(0, 15)],
    "times": [creat("a"), utimens("a", T2001, T0), stat("a"),
              utimens("a", OMIT, T2096), stat("a"), utimens("a", TNEG, OMIT),
              stat("a"), utimens("a", NOW, NOW), stat("a"),
              utimens("a", TBAD, T0), utimens("e", TBAD, T0),
              utimens("e", OMIT, OMIT), utimens("a", 0, 0, null=True),
              write(0, 1), stat("a")],
    "times_symlink": [creat("a"), symlink("a", "s"),
                      utimens("s", T0, T0, nofollow=True), lstat("s"),
                      stat("s"), utimens("s", T1_5, T1_5), stat("a"),
                      chmod("s", 0o600, 1), chmod("s", 0o600)],
    "umask": [umask(0), creat("a", 0o777), umask(0o777), creat("b", 0o777),
              mkdir("d", 0o777), umask(0o644), stat("a"), stat("b"),
              stat("d")],
    "creat_excl": [open_("a", "w", "creat", "excl"),
                   open_("a", "w", "creat", "excl"),
                   open_("/", "r", "creat", "excl"),
                   open_("./", "r", "creat"), open_("b/", "w", "creat"),
                   open_("a", "path", "creat", "dir"),
                   open_("a", "r", "creat", "dir"), open_("a", "r", "dir")],
    "at_flags": [creat("a"), mkdir("d"), symlink("a", "s"),
                 atflags(unlink("a"), 1), atflags(unlink("d"), 2 | 16),
                 atflags(unlink("d"), 2), mkdir("d"),
                 atflags(link("a", "b"), 2), atflags(link("s", "c"), 4),
                 atflags(link("a", "e"), 1), atflags(stat("s"), 1),
                 atflags(stat("a"), 16), atflags(stat("a"), 4),
                 atflags(utimens("a", T1_5, T2001), 16),
                 atflags(utimens("a", OMIT, OMIT), 16),
                 atflags(utimens("s", T1_5, T1_5), 1),
                 atflags(chmod("a", 0o600), 2), atflags(chmod("s", 0o600), 1),
                 atflags(chmod("a", 0o600), 1), atflags(access("a", 4), 8),
                 atflags(access("s", 0), 1), atflags(access("a", 4), 16),
                 stat("a"), stat("b"), stat("c")],
    "bad_fds": [stat("a", fd=9), stat("/a", fd=9), creat("f"),
                mkdir("e", fd=0), stat("e", fd=0), open_("a", fd=NOFD),
                readlink("", fd=NOFD), readlink("", fd=0), close(NOFD),
                fstat(NOFD), fchmod(NOFD, 0o644)],
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "corpus", "vfs_diff")
    os.makedirs(out, exist_ok=True)
    for name, ops in sorted(SEEDS.items()):
        with open(os.path.join(out, name), "wb") as f:
            f.write(b"".join(ops))
    print(f"{len(SEEDS)} seeds in {out}")


if __name__ == "__main__":
    main()
