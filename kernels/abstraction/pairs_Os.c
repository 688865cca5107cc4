/* Milestone 2's pairs at -Os (the build gives files ending in _Os that flag). */
#define HP_PAIR_FN(family, variant) hp_##family##_##variant##_Os
#include "pairs.inc"
