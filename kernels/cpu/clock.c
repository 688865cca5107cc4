/* Core and TSC frequency (clock.h).  Each `add $1` depends on the one
 * before, so the chain retires one add per core cycle on every x86-64 core
 * (integer add has a one-cycle latency); the loop counter is a second,
 * independent chain that runs beside it and costs no cycles of its own. */
#include "cpu/clock.h"

#include "inline_asm/asm.h"

#include <stdint.h>
#include <time.h>

#define ADDS_PER_ROUND 200

static double now_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return 1e9 * (double)ts.tv_sec + (double)ts.tv_nsec;
}

/* rounds * ADDS_PER_ROUND dependent adds; returns the chain's value so
 * nothing is dropped. */
static uint64_t add_chain(uint64_t rounds)
{
    uint64_t x = 0;
    __asm__ volatile("1:\n\t"
                     ".rept 200\n\t" /* ADDS_PER_ROUND */
                     "add $1, %[x]\n\t"
                     ".endr\n\t"
                     "dec %[n]\n\t"
                     "jnz 1b"
                     : [x] "+r"(x), [n] "+r"(rounds)
                     :
                     : "cc");
    return x;
}

hp_clock hp_clock_measure(double ms)
{
    hp_clock best = {0, 0};
    /* Many short trials: on a shared machine most get through one time
     * slice uninterrupted, and the fastest of those is the clock. */
    const int trials = 40;
    /* One round is ADDS_PER_ROUND cycles; at most 6 GHz, ms/trials worth. */
    uint64_t rounds = (uint64_t)(ms / trials * 1e-3 * 6e9 / ADDS_PER_ROUND);
    if (rounds == 0)
        rounds = 1;
    add_chain(rounds / 4); /* wake the core from a low-power state first */
    for (int t = 0; t < trials; t++) {
        const uint64_t c0 = hp_asm_rdtsc();
        const double w0 = now_ns(CLOCK_MONOTONIC), t0 = now_ns(CLOCK_THREAD_CPUTIME_ID);
        const uint64_t x = add_chain(rounds);
        const double t1 = now_ns(CLOCK_THREAD_CPUTIME_ID), w1 = now_ns(CLOCK_MONOTONIC);
        const uint64_t c1 = hp_asm_rdtsc();
        if (t1 <= t0 || w1 <= w0 || x != rounds * ADDS_PER_ROUND)
            continue;
        /* Cycles over the thread's CPU time (time preempted by another
         * process does not count, as in the benchmarks' CPU time); ticks
         * over wall time. */
        const double ghz = (double)x / (t1 - t0);
        if (ghz > best.core_ghz) {
            best.core_ghz = ghz;
            best.tsc_ghz = (double)(c1 - c0) / (w1 - w0);
        }
    }
    return best;
}
