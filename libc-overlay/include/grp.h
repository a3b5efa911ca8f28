/*
 * <grp.h> for wasm32-wasi-vfs (wasi-libc has none). The group database has
 * exactly one entry: name "user", gid 1000, no supplementary members (the
 * user's primary group; see <pwd.h>). Lookups of any other name or id find
 * nothing: the plain calls return NULL without changing errno, the _r calls
 * return 0 with *result NULL.
 */
#ifndef _GRP_H
#define _GRP_H

#include <features.h>

#define __NEED_size_t
#define __NEED_gid_t
#include <bits/alltypes.h>

#ifdef __cplusplus
extern "C" {
#endif

struct group {
    char *gr_name;
    char *gr_passwd;
    gid_t gr_gid;
    char **gr_mem;
};

struct group *getgrgid(gid_t);
struct group *getgrnam(const char *);
int getgrgid_r(gid_t, struct group *, char *, size_t, struct group **);
int getgrnam_r(const char *, struct group *, char *, size_t,
               struct group **);
void setgrent(void);
void endgrent(void);
struct group *getgrent(void);

#ifdef __cplusplus
}
#endif

#endif
