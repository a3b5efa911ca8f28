/*
 * streams_boot.c - files through streams at start-up (STREAMS.md): the
 * host's configuration, looked up in the environment, is applied when the
 * filesystem is created (config.c), by transfer.c. The custom section
 * "wasi-vfs-streams" says that the module reads the configuration (its
 * content, "1", is the version of STREAMS.md's variables): wasi-run
 * looks for it before it passes --in and --out.
 */
#include <stdlib.h>
#include <string.h>

#include "boot.h"

__asm__(".section \".custom_section.wasi-vfs-streams\",\"\",@\n"
        ".ascii \"1\"\n"
        ".text\n");

/* The value of "NAME=" among the n strings of env, or NULL. */
static char *value(char **env, size_t n, const char *name)
{
    while (n--) {
        const char *e = env[n], *k = name;
        while (*k && *e == *k)
            e++, k++;
        if (!*k && *e == '=')
            return (char *)e + 1;
    }
    return NULL;
}

/* The host's configuration (config.c), looked up in the environment. A
 * module nobody configures only asks the environment's size (and reads
 * it when there is one). */
void __wasi_vfs_streams_boot(struct vfs *fs)
{
    __wasi_size_t count, size;
    char **env = NULL, *buf = NULL, *in, *binds, *out;

    if (__wasi_environ_sizes_get(&count, &size) || !count)
        return;
    env = malloc(count * sizeof *env);
    buf = malloc(size);
    if (env && buf && !__wasi_environ_get((uint8_t **)env, (uint8_t *)buf)) {
        in = value(env, count, "WASI_VFS_IN");
        binds = value(env, count, "WASI_VFS_BIND");
        out = value(env, count, "WASI_VFS_OUT");
        if ((in || binds || out) && __wasi_vfs_configure(fs, in, binds, out))
            buf = NULL; /* it holds the exports' directories */
    }
    free(env);
    free(buf);
}

