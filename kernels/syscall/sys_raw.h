/* The x86-64 Linux system call convention, one static inline helper per
 * argument count (musl's arch/x86_64/syscall_arch.h is the model).
 *
 *   number      rax            result      rax (-4095..-1 is -errno)
 *   arguments   rdi, rsi, rdx, r10, r8, r9 (r10, not rcx as in a call)
 *   clobbered   rcx (the return rip), r11 (the saved rflags)
 *
 * Every other register survives.  The "memory" clobber tells the compiler
 * the kernel may read or write any user memory the arguments point to
 * (write reads the buffer, read and clock_gettime write theirs); without it
 * the compiler could keep a buffer's bytes in registers across the call.
 * Only getpid's helper is free of it: the kernel touches no user memory. */
#ifndef HOTPATH_SYS_RAW_H
#define HOTPATH_SYS_RAW_H

/* No "memory": for calls that neither read nor write user memory. */
static inline long hp_syscall0_pure(long nr)
{
    long ret;
    __asm__ __volatile__("syscall" : "=a"(ret) : "a"(nr) : "rcx", "r11");
    return ret;
}

static inline long hp_syscall1(long nr, long a1)
{
    long ret;
    __asm__ __volatile__("syscall" : "=a"(ret) : "a"(nr), "D"(a1) : "rcx", "r11", "memory");
    return ret;
}

static inline long hp_syscall2(long nr, long a1, long a2)
{
    long ret;
    __asm__ __volatile__("syscall"
                         : "=a"(ret)
                         : "a"(nr), "D"(a1), "S"(a2)
                         : "rcx", "r11", "memory");
    return ret;
}

static inline long hp_syscall3(long nr, long a1, long a2, long a3)
{
    long ret;
    __asm__ __volatile__("syscall"
                         : "=a"(ret)
                         : "a"(nr), "D"(a1), "S"(a2), "d"(a3)
                         : "rcx", "r11", "memory");
    return ret;
}

/* The fourth argument goes in r10: there is no constraint letter for it,
 * so a register variable pins it (the documented GCC idiom). */
static inline long hp_syscall4(long nr, long a1, long a2, long a3, long a4)
{
    long ret;
    register long r10 __asm__("r10") = a4;
    __asm__ __volatile__("syscall"
                         : "=a"(ret)
                         : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10)
                         : "rcx", "r11", "memory");
    return ret;
}

#endif
