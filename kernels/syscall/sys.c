/* Raw system calls: the libc wrappers' work without libc (see sys_raw.h
 * for the register convention). */
#include "syscall.h"

#include "sys_raw.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <sys/syscall.h>

ssize_t hp_sys_read(int fd, void *buf, size_t n)
{
    return hp_syscall3(SYS_read, fd, (long)buf, (long)n);
}

ssize_t hp_sys_write(int fd, const void *buf, size_t n)
{
    return hp_syscall3(SYS_write, fd, (long)buf, (long)n);
}

int hp_sys_openat(int dirfd, const char *path, int flags, mode_t mode)
{
    return (int)hp_syscall4(SYS_openat, dirfd, (long)path, flags, (long)mode);
}

int hp_sys_close(int fd)
{
    return (int)hp_syscall1(SYS_close, fd);
}

pid_t hp_sys_getpid(void)
{
    return (pid_t)hp_syscall0_pure(SYS_getpid);
}

int hp_sys_clock_gettime(clockid_t clock, struct timespec *ts)
{
    return (int)hp_syscall2(SYS_clock_gettime, clock, (long)ts);
}

void hp_sys_exit_group(int status)
{
    for (;;) /* the kernel does not return; the loop tells the compiler so */
        hp_syscall1(SYS_exit_group, status);
}

/* Blocks until fd is writable (or in error: the next write reports it). */
static long wait_writable(int fd)
{
    struct pollfd p = {.fd = fd, .events = POLLOUT};
    return hp_syscall3(SYS_poll, (long)&p, 1, -1);
}

ssize_t hp_write_all(int fd, const void *buf, size_t n)
{
    if (n > SSIZE_MAX)
        return -EINVAL; /* n could not be returned */
    const unsigned char *p = buf;
    size_t left = n;
    while (left) {
        ssize_t w = hp_sys_write(fd, p, left);
        if (w > 0) {
            p += w;
            left -= (size_t)w;
        } else if (w == -EAGAIN) {
            long r = wait_writable(fd);
            if (r < 0 && r != -EINTR)
                return r;
        } else if (w != -EINTR) {
            return w < 0 ? w : -EIO; /* 0 for n > 0 never happens on Linux */
        }
    }
    return (ssize_t)n;
}

long hp_sys_errno(long ret)
{
    if (ret < 0 && ret >= -4095) {
        errno = (int)-ret;
        return -1;
    }
    return ret;
}
