/* Milestone 2's pairs at -O2 (the build gives files ending in _O2 that flag). */
#define HP_PAIR_FN(family, variant) hp_##family##_##variant##_O2
#include "pairs.inc"
