/* pause, n times back to back: the compiler's intrinsic (the reference)
 * and the inline-asm helper.  Baseline: on CPUs older than SSE2 the
 * encoding (rep nop) is a plain nop. */
#include "asm.h"
#include "inline_asm.h"

#include <emmintrin.h>

void hp_pause_builtin(size_t n)
{
    for (size_t i = 0; i < n; i++)
        _mm_pause();
}

void hp_pause_asm(size_t n)
{
    for (size_t i = 0; i < n; i++)
        hp_asm_pause();
}
