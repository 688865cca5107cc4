/* cpuid, n times: GCC's <cpuid.h> macro (the reference; itself inline asm
 * in the compiler's header) and hotpath's helper, which kernels/cpu uses. */
#include "asm.h"
#include "inline_asm.h"

#include <cpuid.h>

void hp_cpuid_builtin(uint32_t leaf, uint32_t subleaf, uint32_t out[4], size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned int a, b, c, d;
        __cpuid_count(leaf, subleaf, a, b, c, d);
        out[0] = a; out[1] = b; out[2] = c; out[3] = d;
    }
}

void hp_cpuid_asm(uint32_t leaf, uint32_t subleaf, uint32_t out[4], size_t n)
{
    for (size_t i = 0; i < n; i++)
        hp_asm_cpuid(leaf, subleaf, out);
}
