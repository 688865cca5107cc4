/* rdtsc: n back-to-back reads of the time-stamp counter, through the
 * compiler's intrinsic (the reference) and through the inline-asm helper. */
#include "asm.h"
#include "inline_asm.h"

#include <x86intrin.h>

void hp_rdtsc_builtin(uint64_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = __rdtsc();
}

void hp_rdtsc_asm(uint64_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = hp_asm_rdtsc();
}
