/* mfence, lfence, sfence: a store, then the fence, n times; the
 * compiler's intrinsics (each family's reference) and the inline-asm
 * helpers.  All three fences are in the x86-64 baseline (SSE2). */
#include "asm.h"
#include "inline_asm.h"

#include <emmintrin.h>

#define HP_FENCE_KERNEL(name, fence)             \
    void name(uint64_t *out, size_t n)           \
    {                                            \
        for (size_t i = 0; i < n; i++) {         \
            out[i] = i;                          \
            fence();                             \
        }                                        \
    }

HP_FENCE_KERNEL(hp_mfence_builtin, _mm_mfence)
HP_FENCE_KERNEL(hp_mfence_asm, hp_asm_mfence)
HP_FENCE_KERNEL(hp_lfence_builtin, _mm_lfence)
HP_FENCE_KERNEL(hp_lfence_asm, hp_asm_lfence)
HP_FENCE_KERNEL(hp_sfence_builtin, _mm_sfence)
HP_FENCE_KERNEL(hp_sfence_asm, hp_asm_sfence)
