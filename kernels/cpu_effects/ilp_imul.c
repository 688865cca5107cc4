/* ilp_imul: integer multiply-add chains, x <- x*m + c on uint64_t
 * (wrapping): an imul and an add per step, baseline x86-64. */
#define HP_ILP_FAMILY ilp_imul
#define HP_ILP_T uint64_t
#define HP_ILP_STEP(x, m, c) ((x) * (m) + (c))
#define HP_ILP_REG "r"
#include "ilp.inc"
