/* The calibration family's harness (harness.h).  No buffers: a call's cost
 * is its chain of `size` operations; successive calls feed each other's
 * result, so the chain runs unbroken across a whole batch. */
#include "calibration.h"
#include "harness_impl.h"

#include <inttypes.h>
#include <stdio.h>

/* About 100 ns, 1 us, 10 us and 100 us per call at 3.5-4 GHz; the time
 * class a size lands in is measured per run, never assumed.  Multiples of
 * 160, so both chains are whole blocks of the unrolled loop (8 ops) and
 * neither pays for a tail loop the other does not. */
static const uint64_t sizes[] = {480, 4000, 40000, 400000};
static const uint64_t quick_sizes[] = {4000, 40000};

/* Any size runs (hotpath-run takes what it is given); the sizes above are
 * the ones whose two chains are exactly 1.05 apart. */
static int prepare(hp_input *in, uint64_t size, char *err, size_t len)
{
    (void)err, (void)len;
    in->size = size;
    in->bytes = 0;
    in->arg = 0x9e3779b97f4a7c15ull;
    return 0;
}

static uint64_t run(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_calibration_fn f = HP_FN(hp_calibration_fn, fn);
    uint64_t x = in->arg;
    for (uint64_t i = 0; i < iters; i++)
        x = f(x, in->size);
    return x;
}

static int check(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    const hp_calibration_fn f = HP_FN(hp_calibration_fn, v->fn),
                            r = HP_FN(hp_calibration_fn, ref->fn);
    uint64_t x = 1;
    for (uint64_t ops = 0; ops <= 257 * 40; ops++, x = x * 6364136223846793005ull + 1) {
        const uint64_t got = f(x, ops), want = r(x, ops);
        if (got != want || want != x) {
            snprintf(msg, len, "%s/%s: ops %" PRIu64 ", x %#" PRIx64 ": got %#" PRIx64
                     ", want %#" PRIx64 " (the chain must return x)", v->family, v->name, ops,
                     x, got, want);
            return 1;
        }
    }
    return 0;
}

const hp_harness hp_harness_calibration[] = {{
    .family = "calibration",
    .sizes = sizes,
    .n_sizes = sizeof sizes / sizeof sizes[0],
    .quick_sizes = quick_sizes,
    .n_quick_sizes = sizeof quick_sizes / sizeof quick_sizes[0],
    .default_size = 4000,
    .prepare = prepare,
    .run = run,
    .check = check,
    .offset_align = 1, /* no buffers */
}};
HP_HARNESS_COUNT(calibration)
