/* add_f32, auto: the plain loop left to the compiler,
 * at the x86-64 baseline (SSE2). */
#define HP_SUFFIX auto
#define HP_ATTR
#define HP_LOOP
#include "add_f32_loop.inc"
