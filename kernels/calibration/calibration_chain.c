/* Calibration, reference: a dependent chain of exactly `ops` single-cycle
 * operations (chain.inc). */
#include "calibration.h"

#include "chain.inc"

uint64_t hp_calibration_chain(uint64_t x, uint64_t ops) { return hp_chain(x, ops); }
