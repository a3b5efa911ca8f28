/*
 * termios.c - the terminal calls over what WASI can say of a stream:
 * whether it is a terminal (isatty), not its modes. The contract is in
 * <termios.h>.
 */
#include <errno.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* A terminal in the mode `stty sane` sets, at 38400 baud. */
static void sane(struct termios *t)
{
    static const cc_t cc[] = {
        [VINTR] = 003,    [VQUIT] = 034,     [VERASE] = 0177, [VKILL] = 025,
        [VEOF] = 004,     [VMIN] = 1,        [VSTART] = 021,  [VSTOP] = 023,
        [VSUSP] = 032,    [VREPRINT] = 022,  [VDISCARD] = 017,
        [VWERASE] = 027,  [VLNEXT] = 026,
    };
    memset(t, 0, sizeof *t);
    t->c_iflag = ICRNL | IXON | IUTF8;
    t->c_oflag = OPOST | ONLCR;
    t->c_cflag = B38400 | CS8 | CREAD;
    t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | IEXTEN | ECHOCTL |
                 ECHOKE;
    memcpy(t->c_cc, cc, sizeof cc);
    t->__c_ispeed = t->__c_ospeed = B38400;
}

/* 0 for a terminal; else -1 with errno EBADF or ENOTTY (isatty's). */
static int tty(int fd)
{
    return isatty(fd) ? 0 : -1;
}

static int nosys(void)
{
    errno = ENOSYS;
    return -1;
}

int tcgetattr(int fd, struct termios *t)
{
    if (tty(fd))
        return -1;
    sane(t);
    return 0;
}

int tcsetattr(int fd, int action, const struct termios *t)
{
    struct termios now;
    if (tty(fd))
        return -1;
    if ((unsigned)action > TCSAFLUSH) {
        errno = EINVAL;
        return -1;
    }
    sane(&now);
    return memcmp(&now, t, sizeof now) == 0 ? 0 : nosys();
}

int tcdrain(int fd)
{
    return tty(fd);
}

int tcflush(int fd, int queue)
{
    (void)queue;
    return tty(fd) ? -1 : nosys();
}

int tcflow(int fd, int action)
{
    (void)action;
    return tty(fd) ? -1 : nosys();
}

int tcsendbreak(int fd, int duration)
{
    (void)duration;
    return tty(fd) ? -1 : nosys();
}

/* The module is one process, its own session leader. */
pid_t tcgetsid(int fd)
{
    return tty(fd) ? -1 : getpid();
}

speed_t cfgetospeed(const struct termios *t)
{
    return t->c_cflag & CBAUD;
}

speed_t cfgetispeed(const struct termios *t)
{
    return cfgetospeed(t);
}

int cfsetospeed(struct termios *t, speed_t speed)
{
    if (speed & ~(speed_t)CBAUD) {
        errno = EINVAL;
        return -1;
    }
    t->c_cflag = (t->c_cflag & ~(tcflag_t)CBAUD) | speed;
    t->__c_ospeed = speed;
    return 0;
}

/* 0 means "as the output speed", as on Linux. */
int cfsetispeed(struct termios *t, speed_t speed)
{
    return speed ? cfsetospeed(t, speed) : 0;
}

int cfsetspeed(struct termios *t, speed_t speed)
{
    return cfsetospeed(t, speed);
}

void cfmakeraw(struct termios *t)
{
    t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR |
                              IGNCR | ICRNL | IXON);
    t->c_oflag &= ~(tcflag_t)OPOST;
    t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t->c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
    t->c_cflag |= CS8;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}
