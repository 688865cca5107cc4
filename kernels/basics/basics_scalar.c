/* Milestone 1, scalar variant: the vectorizer is off, the true baseline. */
#include "../hp_kernel.h"
#define HP_SUFFIX scalar
#define HP_ATTR HP_NO_VECTORIZE
#define HP_LOOP HP_SCALAR_LOOP
#include "basics.inc"
