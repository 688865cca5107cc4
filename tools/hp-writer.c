/* hp-writer: writes BYTES bytes to /dev/null (or FILE) in one of several
 * ways, so that hyperfine (bench/hyperfine/syscalls.sh) can time whole
 * processes and show what a system call costs and what buffering saves.
 *
 *   hp-writer MODE BYTES [FILE]
 *
 *   raw-1     BYTES raw write syscalls of one byte each (hp_sys_write)
 *   libc-1    BYTES calls of libc's write() of one byte each
 *   stdio-1   BYTES fputc() calls: stdio buffers them into few writes
 *   raw-4k    raw writes of 4 KiB (hp_write_all per block)
 *   stdio-4k  fwrite() of 4 KiB blocks
 *   raw-all   one hp_write_all of all BYTES
 *
 * Every mode writes the same bytes from the same buffer, opened with the
 * raw openat.  Exit status 0, or 1 with a message on a failed write, 2 on a
 * usage error. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "syscall.h"

#define BLOCK 4096

static int usage(void)
{
    fputs("usage: hp-writer raw-1|libc-1|stdio-1|raw-4k|stdio-4k|raw-all BYTES [FILE]\n",
          stderr);
    return 2;
}

static int failed(const char *mode, long err)
{
    fprintf(stderr, "hp-writer %s: write failed: %s\n", mode, strerror((int)-err));
    return 1;
}

static int write_stdio(int fd, const char *mode, const unsigned char *buf, size_t n)
{
    FILE *f = fdopen(fd, "w");
    if (!f)
        return failed(mode, -errno);
    if (strcmp(mode, "stdio-1") == 0) {
        for (size_t i = 0; i < n; i++)
            if (fputc(buf[i], f) == EOF)
                return failed(mode, -errno);
    } else {
        for (size_t i = 0; i < n; i += BLOCK) {
            size_t k = n - i < BLOCK ? n - i : BLOCK;
            if (fwrite(buf + i, 1, k, f) != k)
                return failed(mode, -errno);
        }
    }
    return fclose(f) == 0 ? 0 : failed(mode, -errno);
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4)
        return usage();
    const char *mode = argv[1];
    char *end;
    errno = 0;
    unsigned long long n = strtoull(argv[2], &end, 10);
    if (errno || *end || end == argv[2] || n > (1ull << 40))
        return usage();
    static const char *const modes[] = {"raw-1", "libc-1", "stdio-1", "raw-4k", "stdio-4k",
                                        "raw-all"};
    size_t m = 0;
    while (m < sizeof modes / sizeof modes[0] && strcmp(mode, modes[m]) != 0)
        m++;
    if (m == sizeof modes / sizeof modes[0])
        return usage(); /* before opening: a typo must not truncate FILE */
    const char *path = argc == 4 ? argv[3] : "/dev/null";
    /* over a file-size limit: EFBIG and a message, not death by signal */
    signal(SIGXFSZ, SIG_IGN);
    unsigned char *buf = malloc(n ? n : 1);
    if (!buf) {
        fputs("hp-writer: out of memory\n", stderr);
        return 1;
    }
    for (size_t i = 0; i < n; i++)
        buf[i] = (unsigned char)('a' + i % 26);
    int fd = hp_sys_openat(AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        fprintf(stderr, "hp-writer: %s: %s\n", path, strerror(-fd));
        return 1;
    }
    int rc = 0;
    if (strcmp(mode, "raw-1") == 0) {
        for (size_t i = 0; i < n && !rc; i++) {
            ssize_t w = hp_sys_write(fd, buf + i, 1);
            if (w != 1)
                rc = failed(mode, w < 0 ? w : -EIO);
        }
    } else if (strcmp(mode, "libc-1") == 0) {
        for (size_t i = 0; i < n && !rc; i++)
            if (write(fd, buf + i, 1) != 1)
                rc = failed(mode, -errno);
    } else if (strcmp(mode, "raw-4k") == 0) {
        for (size_t i = 0; i < n && !rc; i += BLOCK) {
            size_t k = n - i < BLOCK ? n - i : BLOCK;
            ssize_t w = hp_write_all(fd, buf + i, k);
            if (w < 0)
                rc = failed(mode, w);
        }
    } else if (strcmp(mode, "raw-all") == 0) {
        ssize_t w = hp_write_all(fd, buf, n);
        if (w < 0)
            rc = failed(mode, w);
    } else { /* stdio-1, stdio-4k */
        rc = write_stdio(fd, mode, buf, n); /* fclose closes fd */
        free(buf);
        return rc;
    }
    /* close reports what a write could not yet (NFS, quotas): checked too */
    const long c = hp_sys_close(fd);
    if (c < 0 && !rc)
        rc = failed(mode, c);
    free(buf);
    return rc;
}
