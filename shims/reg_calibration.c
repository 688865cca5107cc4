/* Registry lines of the calibration family (kernels/calibration): after
 * the milestones, since it measures the suite rather than a step of the
 * journey. */
#include "calibration.h"
#include "registry.h"

const hp_family hp_fam_calibration[] = {
    {"calibration", "calibration", "chain", "ops", NULL},
};

#define CALIBRATION(X)                                          \
    X(calibration, chain, BASELINE, calibration_chain, 0)       \
    X(calibration, chain105, BASELINE, calibration_chain105, 0)

HP_REGISTRY(calibration, CALIBRATION)
HP_TABLE_COUNTS(calibration)
