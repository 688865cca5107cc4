/* Milestone 2's pairs at -O0 (the build gives files ending in _O0 that flag). */
#define HP_PAIR_FN(family, variant) hp_##family##_##variant##_O0
#include "pairs.inc"
