/*
 * <pwd.h> for wasm32-wasi-vfs (wasi-libc has none). The user database has
 * exactly one entry, the user who owns every file of the module's
 * filesystem:
 *
 *   name "user", uid 1000, gid 1000, home "/tmp", shell "/bin/sh"
 *
 * (the same uid getuid() and stat() report). Lookups of any other name or
 * id find nothing: the plain calls return NULL without changing errno, the
 * _r calls return 0 with *result NULL.
 */
#ifndef _PWD_H
#define _PWD_H

#include <features.h>

#define __NEED_size_t
#define __NEED_uid_t
#define __NEED_gid_t
#include <bits/alltypes.h>

#ifdef __cplusplus
extern "C" {
#endif

struct passwd {
    char *pw_name;
    char *pw_passwd;
    uid_t pw_uid;
    gid_t pw_gid;
    char *pw_gecos;
    char *pw_dir;
    char *pw_shell;
};

struct passwd *getpwuid(uid_t);
struct passwd *getpwnam(const char *);
int getpwuid_r(uid_t, struct passwd *, char *, size_t, struct passwd **);
int getpwnam_r(const char *, struct passwd *, char *, size_t,
               struct passwd **);
void setpwent(void);
void endpwent(void);
struct passwd *getpwent(void);

#ifdef __cplusplus
}
#endif

#endif
