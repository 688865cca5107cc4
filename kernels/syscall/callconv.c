/* The C side of the calling-convention examples (cc_call8.S and
 * cc_callee_saved.S call into or mirror these). */
#include "syscall.h"

int64_t hp_cc_weigh8(int64_t a1, int64_t a2, int64_t a3, int64_t a4,
                     int64_t a5, int64_t a6, int64_t a7, int64_t a8)
{
    /* Unsigned arithmetic wraps; converting back to int64_t is the
     * implementation-defined modulo conversion GCC and clang document. */
    uint64_t s = (uint64_t)a1 + 2 * (uint64_t)a2 + 3 * (uint64_t)a3 + 4 * (uint64_t)a4 +
                 5 * (uint64_t)a5 + 6 * (uint64_t)a6 + 7 * (uint64_t)a7 + 8 * (uint64_t)a8;
    return (int64_t)s;
}

/* Mirrors cc_callee_saved.S step by step; the comments name the register
 * each value lives in there. */
uint64_t hp_cc_callee_saved_ref(uint64_t x)
{
    uint64_t rbx = x ^ 0x0123456789abcdefull;
    uint64_t rbp = rbx * 3 + 1;
    uint64_t r12 = (rbp << 13) | (rbp >> 51);
    uint64_t r13 = r12 + rbx;
    uint64_t r14 = r13 ^ rbp;
    uint64_t r15 = r14 * 5;
    return rbx + rbp + r12 + r13 + r14 + r15;
}

/* noinline alone lets GCC drop a call to a function it sees is empty
 * (it is "pure"); the empty asm statement is a side effect it must keep. */
__attribute__((noinline)) void hp_cc_empty(void)
{
    __asm__ __volatile__("");
}
