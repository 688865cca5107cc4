/* Gate checks of milestone cpu_effects (see gate.h). */
#include "gate.h"

/* None yet: a zero count keeps the placeholder out of every lookup. */
const hp_check hp_checks_cpu_effects[1];
const size_t hp_checks_cpu_effects_n = 0;
