/* Registry lines of milestone abstraction (see shims/registry.h). */
#include "registry.h"

/* Placeholder entries keep the arrays non-empty until the milestone lands;
 * the counts below are zero so nothing iterates them. */
const hp_variant hp_reg_abstraction[1];
const size_t hp_reg_abstraction_n = 0;
const hp_family hp_fam_abstraction[1];
const size_t hp_fam_abstraction_n = 0;
