/* The paired-rounds engine (paired.h). */
#include "paired.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

uint64_t hp_pair_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t call(const hp_pair_side *s, uint64_t iters)
{
    return s->harness ? s->harness->run(s->fn, s->in, iters) : s->call(s->ctx, iters);
}

/* ns of one batch of `iters` calls; the result goes to *sink. */
static uint64_t timed(const hp_pair_side *s, uint64_t iters, uint64_t *sink)
{
    const uint64_t t0 = hp_pair_now_ns();
    *sink += call(s, iters);
    return hp_pair_now_ns() - t0;
}

/* Calls per batch so that a batch takes about round_ns: grow a trial batch
 * until it lasts long enough (20 us, a hundred times the clock's cost)
 * that the per-call time it gives is not the clock's. */
static int batch_for(const hp_pair_side *s, double round_ns, uint64_t *batch, uint64_t *sink)
{
    const double enough = fmin(20e3, round_ns);
    uint64_t iters = 1;
    for (;;) {
        const uint64_t t = timed(s, iters, sink);
        if ((double)t >= enough) {
            const double per_call = (double)t / (double)iters;
            const double b = floor(round_ns / per_call);
            *batch = b < 1 ? 1 : (uint64_t)b;
            return 0;
        }
        if (iters >= (1ull << 40))
            return -1;
        /* jump close to the target at once when the trial was measurable */
        const double grow = t > 1000 ? enough / (double)t * 1.2 : 16;
        iters = (uint64_t)((double)iters * (grow < 2 ? 2 : grow > 1024 ? 1024 : grow));
    }
}

void hp_pair_rounds_free(hp_pair_rounds *r)
{
    free(r->ns_a);
    free(r->ns_b);
    free(r->ratio);
    memset(r, 0, sizeof *r);
}

int hp_pair_measure(const hp_pair_side *a, const hp_pair_side *b, const hp_pair_opts *opts,
                    hp_pair_rounds *out, char *err, size_t len)
{
    memset(out, 0, sizeof *out);
    const double round_ns = 1e9 * (opts && opts->round_s > 0 ? opts->round_s : HP_PAIR_ROUND_S);
    const double budget_ns = 1e9 * (opts && opts->budget_s > 0 ? opts->budget_s
                                                                : HP_PAIR_BUDGET_S);
    uint32_t rounds = opts && opts->rounds ? opts->rounds : HP_PAIR_ROUNDS;

    if (batch_for(a, round_ns, &out->batch_a, &out->sink) ||
        batch_for(b, round_ns, &out->batch_b, &out->sink)) {
        snprintf(err, len, "a side takes no measurable time (2^40 calls under 20 us)");
        return -1;
    }
    /* One unrecorded round warms caches and predictors for both sides and
     * tells how long a round really takes. */
    const double warm = (double)timed(a, out->batch_a, &out->sink) +
                        (double)timed(b, out->batch_b, &out->sink);
    if (warm * rounds > budget_ns) {
        const double fit = floor(budget_ns / warm);
        rounds = fit < HP_PAIR_MIN_ROUNDS ? HP_PAIR_MIN_ROUNDS : (uint32_t)fit;
    }
    out->ns_a = malloc(rounds * sizeof *out->ns_a);
    out->ns_b = malloc(rounds * sizeof *out->ns_b);
    out->ratio = malloc(rounds * sizeof *out->ratio);
    if (!out->ns_a || !out->ns_b || !out->ratio) {
        snprintf(err, len, "out of memory for %u rounds", rounds);
        return -1;
    }
    for (uint32_t r = 0; r < rounds; r++) {
        uint64_t ta, tb;
        if (r % 2 == 0) {
            ta = timed(a, out->batch_a, &out->sink);
            tb = timed(b, out->batch_b, &out->sink);
        } else {
            tb = timed(b, out->batch_b, &out->sink);
            ta = timed(a, out->batch_a, &out->sink);
        }
        /* the clock counts in ns and a batch lasts ~20 us or more: never 0 */
        out->ns_a[r] = (double)(ta ? ta : 1) / (double)out->batch_a;
        out->ns_b[r] = (double)(tb ? tb : 1) / (double)out->batch_b;
        out->ratio[r] = out->ns_b[r] / out->ns_a[r];
    }
    out->n = rounds;
    return 0;
}
