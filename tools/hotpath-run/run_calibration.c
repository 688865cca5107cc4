/* Runner of the calibration family (kernels/calibration): one call is the
 * chain of `size` operations.  Any size runs here; the harness's multiples
 * of 160 matter only where the two chains' ratio must be exactly 1.05. */
#include "runners.h"

#include "calibration.h"

static int prep(hp_run_input *in, size_t size, char *err, size_t len)
{
    (void)err, (void)len;
    in->size = size;
    in->bytes = 0;
    return 0;
}

static uint64_t call(const void *fn, hp_run_input *in)
{
    return HP_RUN_FN(hp_calibration_fn, fn)(0x9e3779b97f4a7c15ull, in->size);
}

const hp_runner hp_runners_calibration[] = {
    {"calibration", 4000, prep, call},
};
HP_RUNNERS_COUNT(calibration)
