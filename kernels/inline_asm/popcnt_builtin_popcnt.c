/* popcnt: the builtin twin compiled with -mpopcnt, so the compiler emits
 * the instruction instead of calling libgcc. */
#include "bitop.h"

HP_BITOP_KERNEL(popcnt, builtin_popcnt, hp_builtin_popcnt)
