/* ctz: the builtin twin compiled with -mbmi, so the compiler may emit
 * tzcnt and rely on tzcnt(0) = 64. */
#include "bitop.h"

HP_BITOP_KERNEL(ctz, builtin_bmi, hp_builtin_ctz)
