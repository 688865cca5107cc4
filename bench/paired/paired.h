/* The paired-rounds engine: time two callables A and B side by side in
 * alternating short rounds and keep, per round, each side's time per call
 * and the ratio B/A.  Whatever the suite compares (a variant against its
 * reference, peer or limit; one build against another) goes through here,
 * so drift and the machine's mode are shared by both sides of every ratio.
 * See docs/paired.md.
 *
 * Round r times A then B when r is even, B then A when r is odd.  A side's
 * turn is HP_PAIR_SUBS sub-batches of calls (sized once so that the turn
 * takes about opts.round_s) and its time per call the median of theirs,
 * so an interruption that hits one sub-batch does not move the round.
 * Times are the thread's CPU time (CLOCK_THREAD_CPUTIME_ID): time spent
 * preempted by other jobs on a shared machine is not counted.
 *
 * Plain C (no kernel, no Google Benchmark): hotpath-bench, compare-builds
 * and the tests link it; the statistics over its rounds are pair_stats.h. */
#ifndef HOTPATH_PAIRED_H
#define HOTPATH_PAIRED_H

#include <stddef.h>
#include <stdint.h>

#include "harness.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One side of a comparison.  Either a harness, a variant's function and an
 * input prepared by that harness (h->run(fn, in, iters)), or, when
 * harness is NULL, any callable: call(ctx, iters) makes `iters` calls and
 * returns a value computed from them (e.g. a harness of another build
 * loaded with dlopen). */
typedef struct hp_pair_side {
    const hp_harness *harness;
    const void *fn;
    hp_input *in;
    uint64_t (*call)(void *ctx, uint64_t iters);
    void *ctx;
} hp_pair_side;

/* Defaults used for any field left 0.  Budgeted so that the suite's ~1000
 * comparisons add about a minute of CPU time to make bench on the 2-core
 * VM (docs/paired.md, "Cost"). */
#define HP_PAIR_ROUND_S 0.5e-3 /* seconds per side per round */
#define HP_PAIR_ROUNDS 15      /* rounds when the budget allows */
#define HP_PAIR_MIN_ROUNDS 5   /* never fewer, whatever the budget */
#define HP_PAIR_BUDGET_S 0.25  /* seconds for all rounds of one comparison */
#define HP_PAIR_SUBS 5         /* timed sub-batches per side per round */

typedef struct hp_pair_opts {
    double round_s;  /* target time of one side in one round */
    uint32_t rounds; /* rounds wanted */
    double budget_s; /* cap on rounds x both sides' time: rounds are cut (not
                        below HP_PAIR_MIN_ROUNDS) when calls are slow; when
                        even those would take over 2 x budget_s, the
                        comparison is refused (an error, nothing timed) */
} hp_pair_opts;

/* The rounds of one comparison.  ratio[r] = ns_b[r] / ns_a[r]. */
typedef struct hp_pair_rounds {
    uint32_t n;               /* rounds measured */
    uint64_t batch_a, batch_b; /* calls per sub-batch */
    double *ns_a, *ns_b;      /* CPU ns per call, per round (median of sub-batches) */
    double *ratio;
    uint64_t sink;            /* what the calls returned, so none is dropped */
    uint32_t subs_a, subs_b;  /* sub-batches per side per round (HP_PAIR_SUBS, or
                                 down to 3 for calls longer than round_s / 5) */
} hp_pair_rounds;

/* Sizes the batches, then runs the rounds.  0 on success; -1 with a reason
 * in err (out of memory, a side that takes no measurable time, calls too
 * slow for the budget).  Always free *out with hp_pair_rounds_free,
 * success or not. */
int hp_pair_measure(const hp_pair_side *a, const hp_pair_side *b, const hp_pair_opts *opts,
                    hp_pair_rounds *out, char *err, size_t len);
void hp_pair_rounds_free(hp_pair_rounds *r);

/* The thread's CPU time in ns (the engine's clock). */
uint64_t hp_pair_now_ns(void);

#ifdef __cplusplus
}
#endif
#endif
