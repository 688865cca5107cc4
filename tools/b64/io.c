/* b64's I/O: raw read/write syscalls (shims/syscall.h), which return
 * -errno, with the error messages in one place. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "b64.h"
#include "syscall.h"

void b64_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("b64: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

ssize_t b64_read(int fd, const char *name, void *buf, size_t n)
{
    for (;;) {
        ssize_t r = hp_sys_read(fd, buf, n);
        if (r >= 0)
            return r;
        if (r != -EINTR) {
            b64_error("%s: read error: %s", name, strerror((int)-r));
            return -1;
        }
    }
}

int b64_write(const void *buf, size_t n)
{
    ssize_t w = hp_write_all(1, buf, n);
    if (w >= 0)
        return 0;
    /* EPIPE included: SIGPIPE is ignored (main.c) so that a closed reader
     * is reported here instead of killing the process silently. */
    b64_error("write error: %s", strerror((int)-w));
    return -1;
}

void *b64_alloc(size_t n)
{
    size_t size = (n + 63) / 64 * 64;
    void *p = aligned_alloc(64, size ? size : 64);
    if (!p)
        b64_error("out of memory (%zu bytes)", n);
    return p;
}
