/* 14-lock: record locks in one process (fcntl F_SETLK/F_GETLK: a process
 * never conflicts with its own locks), flock between two separate opens of
 * one file (they do conflict), lockf. */
#include "conf.h"
#include <sys/file.h>

static int setlk(int fd, short type, off_t start, off_t len)
{
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = start;
    fl.l_len = len;
    return fcntl(fd, F_SETLK, &fl);
}

static const char *getlk(int fd, short type, off_t start, off_t len)
{
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = start;
    fl.l_len = len;
    if (fcntl(fd, F_GETLK, &fl) != 0)
        return conf_errname(errno);
    return fl.l_type == F_UNLCK ? "F_UNLCK" : fl.l_type == F_RDLCK ? "F_RDLCK" :
           fl.l_type == F_WRLCK ? "F_WRLCK" : "?";
}

int main(void)
{
    int fd, fd2, fd3, ro, wo;

    conf_begin("conf-14-lock");
    conf_put("f", "0123456789");
    fd = OK("open(f, O_RDWR)", open("f", O_RDWR));
    fd2 = OK("open(f, O_RDWR) again", open("f", O_RDWR));
    ro = OK("open(f, O_RDONLY)", open("f", O_RDONLY));
    wo = OK("open(f, O_WRONLY)", open("f", O_WRONLY));

    SAY("-- fcntl record locks");
    OK("F_SETLK F_WRLCK [0,10) on fd", setlk(fd, F_WRLCK, 0, 10));
    STR("F_GETLK F_WRLCK [0,10) via fd2: own lock", getlk(fd2, F_WRLCK, 0, 10),
        "F_UNLCK");
    STR("F_GETLK F_RDLCK [5,1) via fd", getlk(fd, F_RDLCK, 5, 1), "F_UNLCK");
    OK("F_SETLK F_WRLCK [5,10) via fd2: same process", setlk(fd2, F_WRLCK, 5, 10));
    OK("F_SETLK F_RDLCK [0,0) whole file via ro", setlk(ro, F_RDLCK, 0, 0));
    OK("F_SETLK F_UNLCK [0,0)", setlk(fd, F_UNLCK, 0, 0));
    OK("F_SETLK F_UNLCK of nothing", setlk(fd, F_UNLCK, 100, 5));
    ERR("F_SETLK F_WRLCK on an O_RDONLY descriptor", setlk(ro, F_WRLCK, 0, 1), EBADF);
    ERR("F_SETLK F_RDLCK on an O_WRONLY descriptor", setlk(wo, F_RDLCK, 0, 1), EBADF);
    OK("F_SETLK F_WRLCK on an O_WRONLY descriptor", setlk(wo, F_WRLCK, 0, 1));
    OK("F_SETLK F_RDLCK on an O_RDONLY descriptor", setlk(ro, F_RDLCK, 0, 1));
    ERR("F_SETLK with l_type 99", setlk(fd, 99, 0, 1), EINVAL);
    ERR("F_SETLK starting before 0", setlk(fd, F_WRLCK, -1, 1), EINVAL);
    STR("F_GETLK with l_type 99", getlk(fd, 99, 0, 1), "EINVAL");
    ERR("F_SETLK on -1", setlk(-1, F_WRLCK, 0, 1), EBADF);
    OK("F_SETLK F_WRLCK past the end of the file", setlk(fd, F_WRLCK, 1000, 10));
    OK("F_SETLK F_UNLCK whole file", setlk(fd, F_UNLCK, 0, 0));

    SAY("-- flock");
    OK("flock(fd, LOCK_EX|LOCK_NB)", flock(fd, LOCK_EX | LOCK_NB));
    ERR("flock(fd2, LOCK_EX|LOCK_NB) separate open (EWOULDBLOCK)",
        flock(fd2, LOCK_EX | LOCK_NB), EWOULDBLOCK);
    ERR("flock(fd2, LOCK_SH|LOCK_NB) separate open (EWOULDBLOCK)",
        flock(fd2, LOCK_SH | LOCK_NB), EWOULDBLOCK);
    fd3 = OK("dup(fd)", dup(fd));
    OK("flock(dup, LOCK_EX|LOCK_NB) same open file", flock(fd3, LOCK_EX | LOCK_NB));
    OK("flock(fd, LOCK_UN)", flock(fd, LOCK_UN));
    OK("flock(fd2, LOCK_EX|LOCK_NB) after unlock", flock(fd2, LOCK_EX | LOCK_NB));
    ERR("flock(fd, LOCK_SH|LOCK_NB) now held by fd2", flock(fd, LOCK_SH | LOCK_NB),
        EWOULDBLOCK);
    OK("flock(fd2, LOCK_SH|LOCK_NB) converts to shared", flock(fd2, LOCK_SH | LOCK_NB));
    OK("flock(fd, LOCK_SH|LOCK_NB) shared with shared", flock(fd, LOCK_SH | LOCK_NB));
    ERR("flock(ro, LOCK_EX|LOCK_NB) while two share it", flock(ro, LOCK_EX | LOCK_NB),
        EWOULDBLOCK);
    OK("flock(ro, LOCK_SH|LOCK_NB) works on an O_RDONLY descriptor",
       flock(ro, LOCK_SH | LOCK_NB));
    OK("close(fd2) releases its lock", close(fd2));
    OK("flock(fd, LOCK_UN)", flock(fd, LOCK_UN));
    OK("flock(ro, LOCK_UN)", flock(ro, LOCK_UN));
    OK("flock(wo, LOCK_EX|LOCK_NB) nothing held", flock(wo, LOCK_EX | LOCK_NB));
    OK("flock(wo, LOCK_UN)", flock(wo, LOCK_UN));
    ERR("flock(fd, 0)", flock(fd, 0), EINVAL);
    ERR("flock(-1, LOCK_EX)", flock(-1, LOCK_EX), EBADF);
    OK("close(dup)", close(fd3));

    SAY("-- lockf");
    OK("lseek(fd, 2)", lseek(fd, 2, SEEK_SET));
    OK("lockf(F_LOCK, 4) locks [2,6)", lockf(fd, F_LOCK, 4));
    OK("lockf(F_TEST, 4) own lock", lockf(fd, F_TEST, 4));
    OK("lockf(F_TLOCK, 4)", lockf(fd, F_TLOCK, 4));
    STR("F_GETLK [2,6) own lock", getlk(wo, F_WRLCK, 2, 4), "F_UNLCK");
    OK("lockf(F_ULOCK, 4)", lockf(fd, F_ULOCK, 4));
    OK("lockf(F_TLOCK, 0) to the end", lockf(fd, F_TLOCK, 0));
    OK("lockf(F_ULOCK, 0)", lockf(fd, F_ULOCK, 0));
    ERR("lockf(ro, F_LOCK) needs a writable descriptor", lockf(ro, F_LOCK, 1), EBADF);
    ERR("lockf(fd, 99)", lockf(fd, 99, 1), EINVAL);
    ERR("lockf(-1, F_LOCK)", lockf(-1, F_LOCK, 1), EBADF);

    OK("close", close(fd));
    OK("close", close(ro));
    OK("close", close(wo));
    OK("unlink(f)", unlink("f"));
    return conf_end();
}
