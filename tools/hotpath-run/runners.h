/* hotpath-run's per-family knowledge: how to prepare a family's input at a
 * size and how to call one of its variants on it.  One file per milestone
 * (run_<milestone>.c) defines a table; main.c joins them.  A family with
 * no runner is reported as such, never run on a guessed input. */
#ifndef HOTPATH_RUNNERS_H
#define HOTPATH_RUNNERS_H

#include <stddef.h>
#include <stdint.h>

typedef struct hp_run_input {
    size_t size;    /* in the family's unit (hp_family.size_unit) */
    uint64_t bytes; /* bytes one call reads and writes; 0 for pure-ops families */
    void *buf[3];   /* from hp_run_alloc, freed by main */
    uint64_t arg;   /* a family's own scalar (threshold, steps, ...) */
} hp_run_input;

typedef struct hp_runner {
    const char *family;
    size_t default_size;
    /* Fills *in for `size`; 0 on success, otherwise -1 with a one-line
     * reason in err ("size must be a multiple of 4"). */
    int (*prepare)(hp_run_input *in, size_t size, char *err, size_t len);
    /* One call of the variant fn on *in; returns something computed from
     * its result, so no call can be optimized away. */
    uint64_t (*call)(const void *fn, hp_run_input *in);
} hp_runner;

#define HP_RUNNERS(m)                          \
    extern const hp_runner hp_runners_##m[];   \
    extern const size_t hp_runners_##m##_n;
#define HP_RUNNERS_COUNT(m) \
    const size_t hp_runners_##m##_n = sizeof hp_runners_##m / sizeof hp_runners_##m[0];

/* in->buf[slot] = `bytes` zeroed bytes, 64-byte aligned (the same alignment
 * on every run, so instruction counts do not depend on where malloc put the
 * buffer); NULL with err filled when out of memory. */
void *hp_run_alloc(hp_run_input *in, int slot, size_t bytes, char *err, size_t len);

/* The hp_sum_array_fn shape (milestones 1 and 2): `size` random int32. */
int hp_run_prep_i32(hp_run_input *in, size_t n, char *err, size_t len);
uint64_t hp_run_call_i32(const void *fn, hp_run_input *in);

/* The cast every call needs: hp_variant keeps fn as const void *. */
#define HP_RUN_FN(type, fn) ((type)(uintptr_t)(fn))

#endif
