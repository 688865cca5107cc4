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

/* Calls per sub-batch so that a sub-batch takes about sub_ns: grow a trial
 * batch until it lasts long enough (20 us, a hundred times the clock's
 * cost) that the per-call time it gives is not the clock's. */
static int batch_for(const hp_pair_side *s, double sub_ns, uint64_t *batch, double *per_call,
                     uint64_t *sink)
{
    const double enough = fmin(20e3, sub_ns);
    uint64_t iters = 1;
    for (;;) {
        const uint64_t t = timed(s, iters, sink);
        if ((double)t >= enough) {
            *per_call = (double)t / (double)iters;
            const double b = floor(sub_ns / *per_call);
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

/* What reading the clock twice around nothing costs (the median of 15):
 * taken off every sub-batch, so a side with fewer calls per sub-batch does
 * not carry more of it per call.  The cost is ~0.5 us on the VM (a system
 * call): 0.02% of a 200 us sub-batch, the size of bias an A/A comparison
 * flagged before it was taken off. */
static double clock_cost(void)
{
    double t[15];
    for (int i = 0; i < 15; i++) {
        const uint64_t t0 = hp_pair_now_ns();
        t[i] = (double)(hp_pair_now_ns() - t0);
    }
    for (int i = 1; i < 15; i++)
        for (int j = i; j > 0 && t[j - 1] > t[j]; j--) {
            const double x = t[j];
            t[j] = t[j - 1];
            t[j - 1] = x;
        }
    return t[7];
}

/* Sub-batches per side per round: HP_PAIR_SUBS when they fit the round,
 * and never fewer than 3 even for calls longer than the round (the turn
 * then lasts 3 calls): with one timed call per turn, one interruption
 * moves the round.  The budget then cuts rounds, not sub-batches. */
static uint32_t subs_for(double per_call, double round_ns)
{
    const double fit = floor(round_ns / per_call);
    return fit >= HP_PAIR_SUBS ? HP_PAIR_SUBS : fit < 3 ? 3 : (uint32_t)fit;
}

/* One side's turn in a round: `subs` timed sub-batches; the median of
 * their per-call times.  A preemption, a timer tick or a stolen slice of
 * the virtual CPU lands in one sub-batch (measured on the 2-core VM: the
 * thread's CPU time of a 100 us slice grows by 20-80 us after a context
 * switch), and the median sets it aside instead of letting it move the
 * round's ratio. */
static double side_ns(const hp_pair_side *s, uint64_t batch, uint32_t subs, double clock_ns,
                      uint64_t *sink)
{
    double t[HP_PAIR_SUBS];
    for (uint32_t k = 0; k < subs; k++) {
        const double ns = (double)timed(s, batch, sink) - clock_ns;
        t[k] = (ns > 1 ? ns : 1) / (double)batch;
    }
    for (uint32_t i = 1; i < subs; i++) /* insertion sort of at most 5 */
        for (uint32_t j = i; j > 0 && t[j - 1] > t[j]; j--) {
            const double x = t[j];
            t[j] = t[j - 1];
            t[j - 1] = x;
        }
    return subs % 2 ? t[subs / 2] : 0.5 * (t[subs / 2 - 1] + t[subs / 2]);
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

    double call_a, call_b;
    if (batch_for(a, round_ns / HP_PAIR_SUBS, &out->batch_a, &call_a, &out->sink) ||
        batch_for(b, round_ns / HP_PAIR_SUBS, &out->batch_b, &call_b, &out->sink)) {
        snprintf(err, len, "a side takes no measurable time (2^40 calls under 20 us)");
        return -1;
    }
    /* Sides within 4x of each other run the same number of calls, sized
     * for the slower: whatever a batch costs beyond its calls then weighs
     * the same on both sides (an A/A comparison is then exactly fair). */
    const double slower = fmax(call_a, call_b);
    if (slower <= 4 * fmin(call_a, call_b)) {
        const double b = floor(round_ns / HP_PAIR_SUBS / slower);
        out->batch_a = out->batch_b = b < 1 ? 1 : (uint64_t)b;
        call_a = call_b = slower;
    }
    out->subs_a = subs_for(call_a, round_ns);
    out->subs_b = subs_for(call_b, round_ns);
    const double clock_ns = clock_cost();
    /* Refuse before the warm-up when the sizing already says a round is too
     * long: for calls of tens of ms that saves a round's worth of them. */
    const double est = (double)out->subs_a * (double)out->batch_a * call_a +
                       (double)out->subs_b * (double)out->batch_b * call_b;
    if (est * HP_PAIR_MIN_ROUNDS > 2 * budget_ns) {
        snprintf(err, len, "a round takes about %.0f ms: %d rounds would exceed 2 x the %.2f s "
                           "budget (--hp_pair_budget_s)", est * 1e-6, HP_PAIR_MIN_ROUNDS,
                 budget_ns * 1e-9);
        return -1;
    }
    /* One unrecorded round warms caches and predictors for both sides and
     * tells how long a round really takes. */
    const uint64_t t0 = hp_pair_now_ns();
    side_ns(a, out->batch_a, out->subs_a, clock_ns, &out->sink);
    side_ns(b, out->batch_b, out->subs_b, clock_ns, &out->sink);
    const double warm = (double)(hp_pair_now_ns() - t0);
    if (warm * HP_PAIR_MIN_ROUNDS > 2 * budget_ns) {
        snprintf(err, len, "a round takes %.0f ms: %d rounds would exceed 2 x the %.2f s "
                           "budget (--hp_pair_budget_s)", warm * 1e-6, HP_PAIR_MIN_ROUNDS,
                 budget_ns * 1e-9);
        return -1;
    }
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
        if (r % 2 == 0) {
            out->ns_a[r] = side_ns(a, out->batch_a, out->subs_a, clock_ns, &out->sink);
            out->ns_b[r] = side_ns(b, out->batch_b, out->subs_b, clock_ns, &out->sink);
        } else {
            out->ns_b[r] = side_ns(b, out->batch_b, out->subs_b, clock_ns, &out->sink);
            out->ns_a[r] = side_ns(a, out->batch_a, out->subs_a, clock_ns, &out->sink);
        }
        out->ratio[r] = out->ns_b[r] / out->ns_a[r];
    }
    out->n = rounds;
    return 0;
}
