/* clz: the builtin twin compiled with -mlzcnt, so the compiler may emit
 * lzcnt and rely on lzcnt(0) = 64. */
#include "bitop.h"

HP_BITOP_KERNEL(clz, builtin_lzcnt, hp_builtin_clz)
