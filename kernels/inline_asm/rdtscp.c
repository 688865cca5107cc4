/* rdtscp: n reads of the time-stamp counter, each after every earlier
 * instruction has executed, with IA32_TSC_AUX (the CPU number on Linux);
 * the compiler's intrinsic (the reference) and the inline-asm helper. */
#include "asm.h"
#include "inline_asm.h"

#include <x86intrin.h>

void hp_rdtscp_builtin(uint64_t *out, uint32_t *aux, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned int a;
        out[i] = __rdtscp(&a);
        aux[i] = a;
    }
}

void hp_rdtscp_asm(uint64_t *out, uint32_t *aux, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = hp_asm_rdtscp(&aux[i]);
}
