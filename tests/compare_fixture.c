/* A tiny stand-in for libhotpath_shared.so, for test_compare_builds.sh:
 * the registry and harness API (shims/hotpath.h, shims/harness.h) over one
 * family whose cost is exactly known, built three ways:
 *   HC_WORK=1   build A;
 *   HC_WORK=2   the same with `chain` doing twice the work, same results
 *               (a certain +100% regression, so the test is statistically
 *               safe); `steady` unchanged;
 *   HC_EXTRA    build A plus a variant only it has.
 * A call of either variant is a dependent chain of `size` add/sub pairs
 * (two 1-cycle operations each), which returns its input.  The family has
 * two modes, so benchmark names end in /even or /odd. */
#include "harness.h"
#include "hotpath.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#ifndef HC_WORK
#define HC_WORK 1
#endif

typedef uint64_t (*chain_fn)(uint64_t x, uint64_t steps);

/* The empty asm makes x a fresh register value at every step, so the
 * compiler can neither fold the pairs nor drop the loop. */
static uint64_t chain_steps(uint64_t x, uint64_t steps)
{
    for (uint64_t i = 0; i < steps; i++) {
        x += 0x9e3779b97f4a7c15ull;
        __asm__("" : "+r"(x));
        x -= 0x9e3779b97f4a7c15ull;
        __asm__("" : "+r"(x));
    }
    return x;
}

static uint64_t chain(uint64_t x, uint64_t steps)
{
    return chain_steps(x, HC_WORK * steps);
}

static uint64_t steady(uint64_t x, uint64_t steps)
{
    return chain_steps(x, steps);
}

static const hp_variant variants[] = {
    {.family = "fixture_chain", .name = "steady", .stage = HP_STAGE_BASELINE, .fn = steady},
    {.family = "fixture_chain", .name = "chain", .stage = HP_STAGE_ALGORITHM, .fn = chain},
#ifdef HC_EXTRA
    {.family = "fixture_chain", .name = "extra", .stage = HP_STAGE_ALGORITHM, .fn = steady},
#endif
};
static const hp_family family = {
    .name = "fixture_chain", .milestone = "test", .reference = "steady", .size_unit = "ops"};

const hp_variant *hp_variants(size_t *count)
{
    *count = sizeof variants / sizeof variants[0];
    return variants;
}

const hp_variant *hp_find(const char *fam, const char *name)
{
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++)
        if (strcmp(variants[i].family, fam) == 0 && strcmp(variants[i].name, name) == 0)
            return &variants[i];
    return NULL;
}

const hp_family *hp_find_family(const char *name)
{
    return strcmp(name, family.name) == 0 ? &family : NULL;
}

int hp_runnable(const hp_variant *v, const char **why_not)
{
    (void)v;
    (void)why_not;
    return 1;
}

/* about 1 us and 10 us per call at 2-4 GHz */
static const uint64_t sizes[] = {2000, 20000}, quick_sizes[] = {2000};

static int prepare(hp_input *in, uint64_t size, char *err, size_t len)
{
    if (size == 0) {
        snprintf(err, len, "size must be positive");
        return -1;
    }
    in->size = size;
    in->arg = 42;
    return 0;
}

/* Two modes, as harness.h allows (names end in /even or /odd): only the
 * chain's starting value differs. */
static const char *const modes[] = {"even", "odd"};

static int prepare_mode(hp_input *in, uint64_t size, size_t mode, char *err, size_t len)
{
    const int rc = prepare(in, size, err, len);
    in->arg += mode;
    return rc;
}

static uint64_t run(const void *fn, hp_input *in, uint64_t iters)
{
    uint64_t x = in->arg;
    for (uint64_t i = 0; i < iters; i++)
        x = ((chain_fn)fn)(x, in->size);
    return x;
}

static int check(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    for (uint64_t steps = 0; steps <= 257; steps++) {
        const uint64_t got = ((chain_fn)v->fn)(steps, steps), want = ((chain_fn)ref->fn)(steps, steps);
        if (got != want) {
            snprintf(msg, len, "%s: %" PRIu64 " steps: got %" PRIu64 ", want %" PRIu64, v->name,
                     steps, got, want);
            return 1;
        }
    }
    return 0;
}

static const hp_harness harness = {
    .family = "fixture_chain",
    .sizes = sizes,
    .n_sizes = 2,
    .quick_sizes = quick_sizes,
    .n_quick_sizes = 1,
    .default_size = 2000,
    .prepare = prepare,
    .run = run,
    .check = check,
    .modes = modes,
    .n_modes = 2,
    .prepare_mode = prepare_mode,
};

const hp_harness *hp_harness_find(const char *fam)
{
    return strcmp(fam, harness.family) == 0 ? &harness : NULL;
}

void hp_input_free(hp_input *in)
{
    const size_t offset = in->offset;
    memset(in, 0, sizeof *in);
    in->offset = offset;
}
