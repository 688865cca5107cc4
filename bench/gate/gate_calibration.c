/* Gate check of the calibration family: its harness's check. */
#include "calibration.h"
#include "gate.h"

static int check(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    return hp_harness_calibration.check(v, ref, msg, len);
}

const hp_check hp_checks_calibration[] = {
    {"calibration", check},
};
HP_GATE_COUNT(calibration)
