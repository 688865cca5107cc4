/* Registry lines of milestone inline_asm (see shims/registry.h). */
#include "registry.h"

/* Placeholder entries keep the arrays non-empty until the milestone lands;
 * the counts below are zero so nothing iterates them. */
const hp_variant hp_reg_inline_asm[1];
const size_t hp_reg_inline_asm_n = 0;
const hp_family hp_fam_inline_asm[1];
const size_t hp_fam_inline_asm_n = 0;
