/* add_f32, auto_v3: the plain loop left to the compiler,
 * built at -march=x86-64-v3 (file suffix). */
#define HP_SUFFIX auto_v3
#define HP_ATTR
#define HP_LOOP
#include "add_f32_loop.inc"
