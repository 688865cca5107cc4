/* Milestone 5: syscalls and the calling convention.
 *
 * hp_sys_* enter the kernel directly (the `syscall` instruction through
 * inline asm, kernels/syscall/sys_raw.h), bypassing libc: no errno, no
 * cancellation points, no vDSO.  Each returns what the kernel returns: the
 * result, or -errno on failure (-EBADF, -EINTR, ...).  hp_sys_errno turns
 * such a value into the libc convention for callers that want it. */
#ifndef HOTPATH_SYSCALL_H
#define HOTPATH_SYSCALL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

ssize_t hp_sys_read(int fd, void *buf, size_t n);
ssize_t hp_sys_write(int fd, const void *buf, size_t n);
int hp_sys_openat(int dirfd, const char *path, int flags, mode_t mode);
int hp_sys_close(int fd);
pid_t hp_sys_getpid(void);
/* Always the real syscall, never the vDSO (that is what libc's is for). */
int hp_sys_clock_gettime(clockid_t clock, struct timespec *ts);
/* Ends every thread of the process; atexit handlers and stdio buffers are
 * not run or flushed. */
__attribute__((noreturn)) void hp_sys_exit_group(int status);

/* Writes all n bytes: retries partial writes and -EINTR, and on -EAGAIN
 * (a non-blocking descriptor that is full) waits with poll until it can
 * write again.  Returns n, or -errno of the first other failure (bytes
 * written before it are not reported: the caller's stream is broken);
 * -EINVAL if n exceeds SSIZE_MAX. */
ssize_t hp_write_all(int fd, const void *buf, size_t n);

/* libc style: a value from hp_sys_* in [-4095, -1] sets errno to its
 * negation and becomes -1; any other value is returned unchanged. */
long hp_sys_errno(long ret);

/* The calling convention made visible (kernels/syscall/cc_*.S). */
typedef int64_t (*hp_cc_fn8)(int64_t a1, int64_t a2, int64_t a3, int64_t a4,
                             int64_t a5, int64_t a6, int64_t a7, int64_t a8);
/* Calls fn(args[0], ..., args[7]) from assembly: six arguments in rdi, rsi,
 * rdx, rcx, r8, r9, the last two on the stack, rsp 16-byte aligned at the
 * call; returns fn's result. */
int64_t hp_cc_call8(hp_cc_fn8 fn, const int64_t args[8]);
/* A C function of eight arguments whose result depends on each one and on
 * its position: sum of (i + 1) * a_i, wrapping. */
int64_t hp_cc_weigh8(int64_t a1, int64_t a2, int64_t a3, int64_t a4,
                     int64_t a5, int64_t a6, int64_t a7, int64_t a8);
/* Uses every callee-saved register (rbx, rbp, r12-r15) as scratch to mix x
 * and restores them all before returning the mix. */
uint64_t hp_cc_callee_saved(uint64_t x);
/* The same mix in C, to check the assembly's result. */
uint64_t hp_cc_callee_saved_ref(uint64_t x);

/* An empty function the compiler may not inline: the cost of a call. */
void hp_cc_empty(void);

/* strlen variants (family "strlen", reference "naive"). */
size_t hp_strlen_naive(const char *s);
size_t hp_strlen_bytes(const char *s);
size_t hp_strlen_swar(const char *s);
size_t hp_strlen_sse2(const char *s);
size_t hp_strlen_avx2(const char *s);
size_t hp_strlen_avx512(const char *s);

#ifdef __cplusplus
}
#endif
#endif
