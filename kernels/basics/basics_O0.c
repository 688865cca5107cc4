/* Milestone 1, O0 variant: the auto source as a debug build compiles it
 * (the build gives files ending in _O0 the flag -O0). */
#include "../hp_kernel.h"
#define HP_SUFFIX O0
#define HP_ATTR
#define HP_LOOP
#include "basics.inc"
