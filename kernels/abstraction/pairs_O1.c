/* Milestone 2's pairs at -O1 (the build gives files ending in _O1 that flag). */
#define HP_PAIR_FN(family, variant) hp_##family##_##variant##_O1
#include "pairs.inc"
