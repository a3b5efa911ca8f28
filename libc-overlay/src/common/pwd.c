/*
 * pwd.c - the user database: one entry (see <pwd.h>).
 */
#include <errno.h>
#include <pwd.h>
#include <string.h>

#include "common.h"

static char name[] = WASI_VFS_USER, passwd[] = "x", gecos[] = "",
            dir[] = WASI_VFS_HOME, shell[] = WASI_VFS_SHELL;
static struct passwd user = {name, passwd, WASI_VFS_UID, WASI_VFS_GID,
                             gecos, dir, shell};
static int listed; /* getpwent has returned the entry */

struct passwd *getpwuid(uid_t uid)
{
    return uid == WASI_VFS_UID ? &user : NULL;
}

struct passwd *getpwnam(const char *n)
{
    return strcmp(n, name) == 0 ? &user : NULL;
}

/* Copies s into the buffer at *p (with *left bytes free); NULL if it does
 * not fit. */
static char *put(char **p, size_t *left, const char *s)
{
    size_t n = strlen(s) + 1;
    char *r = *p;
    if (n > *left)
        return NULL;
    memcpy(r, s, n);
    *p += n;
    *left -= n;
    return r;
}

static int copy(int found, struct passwd *pw, char *buf, size_t size,
                struct passwd **result)
{
    *result = NULL;
    if (!found)
        return 0;
    *pw = user;
    if (!(pw->pw_name = put(&buf, &size, name)) ||
        !(pw->pw_passwd = put(&buf, &size, passwd)) ||
        !(pw->pw_gecos = put(&buf, &size, gecos)) ||
        !(pw->pw_dir = put(&buf, &size, dir)) ||
        !(pw->pw_shell = put(&buf, &size, shell)))
        return ERANGE;
    *result = pw;
    return 0;
}

int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t size,
               struct passwd **result)
{
    return copy(uid == WASI_VFS_UID, pw, buf, size, result);
}

int getpwnam_r(const char *n, struct passwd *pw, char *buf, size_t size,
               struct passwd **result)
{
    return copy(strcmp(n, name) == 0, pw, buf, size, result);
}

void setpwent(void)
{
    listed = 0;
}

void endpwent(void)
{
    listed = 0;
}

struct passwd *getpwent(void)
{
    return listed++ ? NULL : &user;
}
