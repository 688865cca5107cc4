/* Registry lines of the calibration family (kernels/calibration): after
 * the milestones, since it measures the suite rather than a step of the
 * journey. */
#include "calibration.h"
#include "registry.h"

const hp_family hp_fam_calibration[] = {
    {"calibration", "calibration", "chain", "ops", NULL},
};

const hp_variant hp_reg_calibration[] = {
    HP_V(calibration, chain, BASELINE, 0),
    HP_V(calibration, chain105, BASELINE, 0),
};

HP_TABLE_COUNTS(calibration)
