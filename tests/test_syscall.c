/* Milestone 5: raw system calls against the kernel's documented behaviour
 * and against libc's answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "syscall.h"

static void pipe_round_trip(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    const char msg[] = "hotpath: raw write, raw read";
    assert_int_equal(hp_sys_write(fds[1], msg, sizeof msg), sizeof msg);
    char got[64] = {0};
    assert_int_equal(hp_sys_read(fds[0], got, sizeof got), sizeof msg);
    assert_memory_equal(got, msg, sizeof msg);
    assert_int_equal(hp_sys_close(fds[1]), 0);
    assert_int_equal(hp_sys_read(fds[0], got, sizeof got), 0); /* end of file */
    assert_int_equal(hp_sys_close(fds[0]), 0);
}

static void errors_are_negative_errno(void **state)
{
    (void)state;
    char c = 'x';
    assert_int_equal(hp_sys_write(-1, &c, 1), -EBADF);
    assert_int_equal(hp_sys_read(-1, &c, 1), -EBADF);
    assert_int_equal(hp_sys_close(-1), -EBADF);
    assert_int_equal(hp_sys_openat(AT_FDCWD, "/nonexistent/hotpath", O_RDONLY, 0), -ENOENT);
    assert_int_equal(hp_sys_clock_gettime((clockid_t)-1000, &(struct timespec){0}), -EINVAL);
    /* the kernel checks the buffer: EFAULT, not a crash */
    assert_int_equal(hp_sys_clock_gettime(CLOCK_MONOTONIC, (struct timespec *)8), -EFAULT);
    errno = 0;
    assert_int_equal(hp_sys_errno(-EBADF), -1);
    assert_int_equal(errno, EBADF);
    errno = 0;
    assert_int_equal(hp_sys_errno(5), 5);
    assert_int_equal(hp_sys_errno(-4096), -4096); /* not an errno value */
    assert_int_equal(errno, 0);
}

static void open_write_close(void **state)
{
    (void)state;
    int fd = hp_sys_openat(AT_FDCWD, "/dev/null", O_WRONLY | O_CLOEXEC, 0);
    assert_true(fd >= 0);
    assert_int_equal(hp_sys_write(fd, "abc", 3), 3);
    assert_int_equal(hp_sys_close(fd), 0);
    assert_int_equal(hp_sys_close(fd), -EBADF);
}

static void getpid_matches_libc(void **state)
{
    (void)state;
    assert_int_equal(hp_sys_getpid(), getpid());
}

/* Reads everything from a pipe into a buffer, slowly enough that the
 * writer finds the pipe full. */
struct reader {
    int fd;
    unsigned char *buf;
    size_t cap, got;
};

static void *read_all(void *arg)
{
    struct reader *r = arg;
    char extra[1000]; /* bytes beyond cap: counted, so the test fails */
    for (;;) {
        size_t want = r->cap - r->got < 1000 ? r->cap - r->got : 1000;
        ssize_t n = want ? read(r->fd, r->buf + r->got, want) : read(r->fd, extra, sizeof extra);
        if (n <= 0)
            return NULL;
        r->got += (size_t)n;
    }
}

static unsigned char *pattern(size_t n)
{
    unsigned char *p = malloc(n);
    for (size_t i = 0; p && i < n; i++)
        p[i] = (unsigned char)(i * 7 + i / 251);
    return p;
}

static void partial_write_completed(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe2(fds, O_NONBLOCK), 0);
    long cap = fcntl(fds[1], F_SETPIPE_SZ, 4096);
    assert_true(cap >= 4096);
    const size_t n = 1 << 20;
    unsigned char *src = pattern(n), *dst = malloc(n);
    assert_non_null(src);
    assert_non_null(dst);
    /* A raw write into the small pipe stops where the pipe is full ... */
    ssize_t w = hp_sys_write(fds[1], src, n);
    assert_true(w > 0 && (size_t)w < n);
    assert_int_equal(hp_sys_write(fds[1], src, n), -EAGAIN);
    char sink[4096];
    for (ssize_t left = w; left > 0;)
        left -= read(fds[0], sink, sizeof sink);
    /* ... and write_all finishes the job while a reader drains it. */
    struct reader r = {fds[0], dst, n, 0};
    pthread_t t;
    int flags = fcntl(fds[0], F_GETFL);
    fcntl(fds[0], F_SETFL, flags & ~O_NONBLOCK); /* the reader blocks */
    assert_int_equal(pthread_create(&t, NULL, read_all, &r), 0);
    assert_int_equal(hp_write_all(fds[1], src, n), (ssize_t)n);
    close(fds[1]);
    pthread_join(t, NULL);
    assert_int_equal(r.got, n);
    assert_memory_equal(dst, src, n);
    close(fds[0]);
    free(src);
    free(dst);
}

static volatile sig_atomic_t signals_seen;
static void on_signal(int sig)
{
    (void)sig;
    signals_seen++;
}

struct signaler {
    pthread_t target;
    volatile int stop;
};

static void *keep_interrupting(void *arg)
{
    struct signaler *s = arg;
    while (!s->stop) {
        pthread_kill(s->target, SIGUSR1);
        nanosleep(&(struct timespec){0, 50000}, NULL);
    }
    return NULL;
}

/* A blocking write into a full pipe, interrupted by a handler installed
 * without SA_RESTART, returns early (a partial count or -EINTR); write_all
 * must still deliver every byte in order. */
static void write_all_survives_signals(void **state)
{
    (void)state;
    struct sigaction sa = {0}, old;
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    assert_int_equal(sigaction(SIGUSR1, &sa, &old), 0);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fcntl(fds[1], F_SETPIPE_SZ, 4096);
    const size_t n = 4 << 20;
    unsigned char *src = pattern(n), *dst = malloc(n);
    assert_non_null(src);
    assert_non_null(dst);
    struct reader r = {fds[0], dst, n, 0};
    struct signaler s = {pthread_self(), 0};
    pthread_t rt, st;
    signals_seen = 0;
    assert_int_equal(pthread_create(&rt, NULL, read_all, &r), 0);
    assert_int_equal(pthread_create(&st, NULL, keep_interrupting, &s), 0);
    assert_int_equal(hp_write_all(fds[1], src, n), (ssize_t)n);
    s.stop = 1;
    pthread_join(st, NULL);
    close(fds[1]);
    pthread_join(rt, NULL);
    assert_int_equal(r.got, n);
    assert_memory_equal(dst, src, n);
    assert_true(signals_seen > 0);
    close(fds[0]);
    free(src);
    free(dst);
    sigaction(SIGUSR1, &old, NULL);
}

static int64_t ns(struct timespec t)
{
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* The raw syscall and the vDSO read the same clock: a raw reading taken
 * between two vDSO readings lies between them, give or take 1 ms. */
static void clock_gettime_agrees_with_vdso(void **state)
{
    (void)state;
    const clockid_t clocks[] = {CLOCK_MONOTONIC, CLOCK_REALTIME, CLOCK_BOOTTIME};
    for (size_t c = 0; c < sizeof clocks / sizeof clocks[0]; c++)
        for (int k = 0; k < 100; k++) {
            struct timespec a, raw, b;
            assert_int_equal(clock_gettime(clocks[c], &a), 0);
            assert_int_equal(hp_sys_clock_gettime(clocks[c], &raw), 0);
            assert_int_equal(clock_gettime(clocks[c], &b), 0);
            assert_true(raw.tv_nsec >= 0 && raw.tv_nsec < 1000000000);
            assert_true(ns(raw) >= ns(a) - 1000000);
            assert_true(ns(raw) <= ns(b) + 1000000);
        }
}

static void at_exit_exits_7(void)
{
    _exit(7);
}

/* exit_group ends the process with the status, and it is not exit(): the
 * atexit handler (which would turn the status into 7) never runs. */
static void exit_group_status(void **state)
{
    (void)state;
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        atexit(at_exit_exits_7);
        hp_sys_exit_group(42);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 42);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pipe_round_trip),
        cmocka_unit_test(errors_are_negative_errno),
        cmocka_unit_test(open_write_close),
        cmocka_unit_test(getpid_matches_libc),
        cmocka_unit_test(partial_write_completed),
        cmocka_unit_test(write_all_survives_signals),
        cmocka_unit_test(clock_gettime_agrees_with_vdso),
        cmocka_unit_test(exit_group_status),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
