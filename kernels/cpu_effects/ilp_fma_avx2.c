/* ilp_fma: float fused multiply-add chains, x <- fmaf(x, m, c), one
 * vfmadd per step.  The baseline ISA has no FMA (fmaf would be a libm call
 * whose overhead hides the latency), so this file is built with the AVX2
 * flags (-mfma) and its variants need HP_NEEDS_AVX2.  Scalar FMA: the
 * chains are the lesson, not SIMD width. */
#include <math.h>

#define HP_ILP_FAMILY ilp_fma
#define HP_ILP_T float
#define HP_ILP_STEP(x, m, c) fmaf((x), (m), (c))
#define HP_ILP_REG "x"
#include "ilp.inc"
