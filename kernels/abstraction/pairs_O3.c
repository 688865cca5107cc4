/* Milestone 2's pairs at -O3, the Release level: these are the registry's
 * plain `iter` and `manual` variants, so their symbols carry no suffix. */
#define HP_PAIR_FN(family, variant) hp_##family##_##variant
#include "pairs.inc"
