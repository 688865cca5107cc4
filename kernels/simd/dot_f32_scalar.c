/* dot_f32, scalar: the plain loop with the vectorizer off, the baseline. */
#include "../hp_kernel.h"
#define HP_SUFFIX scalar
#define HP_ATTR HP_NO_VECTORIZE
#define HP_LOOP HP_SCALAR_LOOP
#include "dot_f32_loop.inc"
