/* What the harness files (shims/harness_<milestone>.c) share.  Internal to
 * libhotpath. */
#ifndef HOTPATH_HARNESS_IMPL_H
#define HOTPATH_HARNESS_IMPL_H

#include "check.h"
#include "harness.h"
#include "milestones.h"

#include <stdint.h>

/* Each harness_<milestone>.c defines hp_harness_<milestone>[] and its
 * count; harness.c joins them in the milestones' order. */
#define HP_HARNESS_TABLE(m)                   \
    extern const hp_harness hp_harness_##m[]; \
    extern const size_t hp_harness_##m##_n;
#define HP_HARNESS_COUNT(m) \
    const size_t hp_harness_##m##_n = sizeof hp_harness_##m / sizeof hp_harness_##m[0];

/* A static array and its length, for the size and mode fields. */
#define HP_ARRAY(a) (a), (sizeof(a) / sizeof((a)[0]))

/* hp_variant keeps fn as const void *; the family's type is known here. */
#define HP_FN(type, fn) ((type)(uintptr_t)(fn))

/* After each call of a run loop: the result is used and memory may have
 * been read or written (as Google Benchmark's DoNotOptimize and
 * ClobberMemory), so no call is merged, hoisted or dropped. */
#define HP_KEEP(x) __asm__ __volatile__("" : : "g"(x) : "memory")
#define HP_CLOBBER() __asm__ __volatile__("" : : : "memory")

/* The int32 reductions of milestones 1 and 2 (hp_sum_array_fn): `size`
 * int32 filled by fill (seeded), and the loop over them. */
int hp_harness_prep_i32(hp_input *in, uint64_t n, void (*fill)(hp_rng *r, int32_t *a, size_t n),
                        uint64_t seed, char *err, size_t len);
uint64_t hp_harness_run_i32(const void *fn, hp_input *in, uint64_t iters);

#endif
