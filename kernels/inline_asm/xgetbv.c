/* xgetbv, n reads of an extended control register: the compiler's
 * intrinsic (the reference) and the inline-asm helper.  Both need
 * HP_FEAT_OSXSAVE (the registry asks for it). */
#include "asm.h"
#include "inline_asm.h"

#include <immintrin.h>

/* _xgetbv is only available to code built for XSAVE.  The target attribute
 * enables it for this one function, which can do no harm: the compiler
 * never emits xsave-family instructions on its own, and the registry runs
 * this only where the OS enabled xgetbv. */
__attribute__((target("xsave"))) void hp_xgetbv_builtin(uint32_t index, uint64_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = _xgetbv(index);
}

void hp_xgetbv_asm(uint32_t index, uint64_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = hp_asm_xgetbv(index);
}
