/* Registry lines of milestone base64 (see shims/registry.h). */
#include "registry.h"

/* Placeholder entries keep the arrays non-empty until the milestone lands;
 * the counts below are zero so nothing iterates them. */
const hp_variant hp_reg_base64[1];
const size_t hp_reg_base64_n = 0;
const hp_family hp_fam_base64[1];
const size_t hp_fam_base64_n = 0;
