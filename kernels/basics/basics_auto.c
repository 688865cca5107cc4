/* Milestone 1, auto variant: the plain loops, left to the compiler. */
#include "../hp_kernel.h"
#define HP_SUFFIX auto
#define HP_ATTR
#define HP_LOOP
#include "basics.inc"
