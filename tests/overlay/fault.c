/* fault: buffers outside the program's memory given to the calls that
 * reach the overlay's fd_read, fd_write, fd_pread and fd_pwrite: EFAULT as
 * on Linux, never a trap, and nothing done. A bad descriptor is reported
 * first, as Linux does. */
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "check.h"

int main(void)
{
    char *end = (char *)(uintptr_t)(__builtin_wasm_memory_size(0) * 65536);
    char buf[16];
    struct iovec iov[2] = {{buf, 4}, {end - 2, 4}}; /* the second runs off */
    struct iovec bad_array = {buf, 4};
    struct stat st;
    int fd = OK(open("/tmp/f", O_RDWR | O_CREAT | O_TRUNC, 0644));

    EQ(write(fd, "0123456789", 10), 10);
    OK(lseek(fd, 0, SEEK_SET));

    ERR(read(fd, end - 2, 4), EFAULT);
    ERR(read(fd, end, 1), EFAULT);
    ERR(read(fd, NULL, 1), EFAULT);
    ERR(write(fd, end - 1, 2), EFAULT);
    ERR(pread(fd, end - 3, 4, 0), EFAULT);
    ERR(pwrite(fd, (void *)(uintptr_t)0xfffffff0u, 32, 0), EFAULT);
    ERR(readv(fd, iov, 2), EFAULT);
    ERR(writev(fd, iov, 2), EFAULT);
    ERR(readv(fd, (struct iovec *)(end - 4), 1), EFAULT);
    /* nothing moved: the offset and the file are as they were */
    EQ(lseek(fd, 0, SEEK_CUR), 0);
    OK(fstat(fd, &st));
    EQ(st.st_size, 10);
    EQ(read(fd, buf, 4), 4);
    CHECK(!memcmp(buf, "0123", 4));
    /* what ends exactly at the end of memory is memory */
    EQ(pread(fd, end - 4, 4, 0), 4);
    CHECK(!memcmp(end - 4, "0123", 4));
    EQ(read(fd, end, 0), 0); /* nothing to move: never a fault */
    EQ(readv(fd, &bad_array, 0), 0);
    /* a bad descriptor first, as Linux */
    ERR(read(99, end, 4), EBADF);
    ERR(write(-1, NULL, 4), EBADF);
    ERR(pread(99, end, 4, 0), EBADF);
    OK(close(fd));
    return DONE();
}
