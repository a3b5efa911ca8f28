/*
 * grp.c - the group database: one entry, the user's group (see <grp.h>).
 */
#include <errno.h>
#include <grp.h>
#include <stdint.h>
#include <string.h>

#include "common.h"

static char name[] = WASI_VFS_USER, passwd[] = "x";
static char *members[] = {NULL};
static struct group group = {name, passwd, WASI_VFS_GID, members};
static int listed; /* getgrent has returned the entry */

struct group *getgrgid(gid_t gid)
{
    return gid == WASI_VFS_GID ? &group : NULL;
}

struct group *getgrnam(const char *n)
{
    return strcmp(n, name) == 0 ? &group : NULL;
}

/* The buffer holds the (empty, NULL-terminated) member list, aligned,
 * then the name and password. */
static int copy(int found, struct group *gr, char *buf, size_t size,
                struct group **result)
{
    size_t pad = (uintptr_t)buf % sizeof(char *);
    size_t need = sizeof name + sizeof passwd + sizeof(char *);

    *result = NULL;
    if (!found)
        return 0;
    pad = pad ? sizeof(char *) - pad : 0;
    if (size < pad + need)
        return ERANGE;
    buf += pad;
    gr->gr_mem = (char **)(void *)buf;
    gr->gr_mem[0] = NULL;
    buf += sizeof(char *);
    gr->gr_name = memcpy(buf, name, sizeof name);
    gr->gr_passwd = memcpy(buf + sizeof name, passwd, sizeof passwd);
    gr->gr_gid = WASI_VFS_GID;
    *result = gr;
    return 0;
}

int getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t size,
               struct group **result)
{
    return copy(gid == WASI_VFS_GID, gr, buf, size, result);
}

int getgrnam_r(const char *n, struct group *gr, char *buf, size_t size,
               struct group **result)
{
    return copy(strcmp(n, name) == 0, gr, buf, size, result);
}

void setgrent(void)
{
    listed = 0;
}

void endgrent(void)
{
    listed = 0;
}

struct group *getgrent(void)
{
    return listed++ ? NULL : &group;
}
