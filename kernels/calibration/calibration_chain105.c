/* Calibration: the reference's chain with 5% more operations, so its time
 * per call is known to be 1.05 times the reference's in core cycles (less
 * the constant call overhead, negligible from ~100 ns up).  A paired
 * comparison that cannot see this is blind to a 5% regression. */
#include "calibration.h"

#include "chain.inc"

uint64_t hp_calibration_chain105(uint64_t x, uint64_t ops)
{
    return hp_chain(x, ops + ops / 20);
}
