/* A family's harness: how to make its inputs for a size, call a variant on
 * them, check a variant against the reference, and which sizes to time.
 * Written once per family (shims/harness_<family or milestone>.c); the
 * gate, the benchmark fixtures, hotpath-run, the tests and the paired
 * engine all go through it, so no tool keeps its own copy of a family.
 *
 * This header is the contract between those users: extend it (new fields
 * at the end, new helpers), do not change the meaning of what is here. */
#ifndef HOTPATH_HARNESS_H
#define HOTPATH_HARNESS_H

#include <stddef.h>
#include <stdint.h>

#include "hotpath.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HP_INPUT_BUFS 4

/* One prepared input.  The caller zero-initialises it and may set `offset`
 * (bytes past a 64-byte boundary, 0..63) before prepare: every buffer the
 * harness allocates with hp_input_alloc then starts at that offset, so a
 * run can vary data placement between processes and record it.  The
 * offset must be a multiple of the family's hp_harness.offset_align (a
 * misaligned int32 is undefined behaviour); hp_harness_prepare checks. */
typedef struct hp_input {
    uint64_t size;    /* in the family's unit (hp_family.size_unit) */
    uint64_t bytes;   /* bytes one call reads and writes; 0 for pure-ops families */
    uint64_t arg;     /* a family's own scalar (threshold, steps, ...) */
    size_t offset;    /* placement of the buffers, see above */
    void *buf[HP_INPUT_BUFS];
    size_t buf_len[HP_INPUT_BUFS];
} hp_input;

typedef struct hp_harness {
    const char *family;
    /* Benchmark sizes, in the family's unit: the full list and the short
     * list for `make bench-quick`. */
    const uint64_t *sizes;
    size_t n_sizes;
    const uint64_t *quick_sizes;
    size_t n_quick_sizes;
    uint64_t default_size; /* hotpath-run without --size */
    /* Fills *in for `size` (buffers through hp_input_alloc, valid data in
     * them); 0 on success, otherwise -1 with a one-line reason in err
     * ("size must be a multiple of 4").  Never partially leaks: on failure
     * the caller still calls hp_input_free. */
    int (*prepare)(hp_input *in, uint64_t size, char *err, size_t len);
    /* `iters` calls of fn (the family's function type, as const void *) on
     * *in, in a loop the compiler cannot drop; returns a value computed
     * from the results.  The loop lives here, typed, so a timed call costs
     * the kernel and nothing of an indirect wrapper per call. */
    uint64_t (*run)(const void *fn, hp_input *in, uint64_t iters);
    /* v against ref on the family's edge cases (every length 0..257,
     * misalignments, a page end before an unmapped page where reads
     * matter) and seeded random inputs: 0 when they agree; otherwise
     * non-zero with the first difference in msg. */
    int (*check)(const hp_variant *v, const hp_variant *ref, char *msg, size_t len);

    /* Extensions (added after the contract's fields above). */
    /* Modes: the same variant and size on differently arranged data or in
     * another call shape (branch_sum random|sorted, ctz latency|throughput).
     * Benchmarks put the mode after the size (ctz/bsf/1024/latency).
     * n_modes 0: one unnamed mode.  prepare_mode NULL: every mode is
     * prepared alike, by prepare. */
    const char *const *modes;
    size_t n_modes;
    size_t default_mode; /* hotpath-run's, and what plain prepare makes */
    int (*prepare_mode)(hp_input *in, uint64_t size, size_t mode, char *err, size_t len);
    /* Bytes the family's `limit` line (memcpy, bench/peers) copies per
     * call at `size`; NULL: the family has no limit line. */
    uint64_t (*limit_bytes)(uint64_t size);
    /* hp_input.offset must be a multiple of this: the alignment of the
     * elements in the family's buffers (4 for int32 and float, 1 for
     * bytes), since a typed access at another offset is undefined
     * behaviour.  hp_harness_prepare refuses any other offset. */
    size_t offset_align;
} hp_harness;

/* The harness of a family, NULL if it has none. */
const hp_harness *hp_harness_find(const char *family);
/* All harnesses, in the milestones' order. */
const hp_harness *hp_harnesses(size_t *count);

/* h->prepare_mode for `mode`, or h->prepare when the family has no modes
 * (then mode must be 0); -1 with err filled for a mode it lacks or an
 * offset that is not a multiple of h->offset_align.  The one way in for
 * callers that vary in->offset. */
int hp_harness_prepare(const hp_harness *h, hp_input *in, uint64_t size, size_t mode, char *err,
                       size_t len);
/* Index of the mode called `name`, or -1. */
int hp_harness_mode(const hp_harness *h, const char *name);

/* The limit line of a family (a memcpy-shaped peer, stage HP_STAGE_LIMIT):
 * prepare fills *in with a random source and a destination of
 * h->limit_bytes(size) bytes (-1 with err if the family has no limit);
 * run copies them `iters` times through fn
 * (void (*)(void *dst, const void *src, size_t n)). */
int hp_limit_prepare(const hp_harness *h, hp_input *in, uint64_t size, char *err, size_t len);
uint64_t hp_limit_run(const void *fn, hp_input *in, uint64_t iters);

/* in->buf[slot] = `bytes` zeroed bytes at in->offset past a 64-byte
 * boundary (never NULL for 0 bytes); NULL with err filled when out of
 * memory. */
void *hp_input_alloc(hp_input *in, int slot, size_t bytes, char *err, size_t len);
/* Frees every buffer of *in and zeroes it (offset kept). */
void hp_input_free(hp_input *in);

#ifdef __cplusplus
}
#endif
#endif
