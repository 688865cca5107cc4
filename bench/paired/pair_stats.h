/* Statistics over paired rounds (paired.h): the median ratio with a
 * bootstrap interval that resamples processes, then rounds; the modes of
 * the per-process medians; the detection limit an A/A comparison implies.
 * Plain C with libm only: hotpath-bench, hotpath-stats (which reads rounds
 * from JSON and links no kernel) and the tests share it.  docs/paired.md. */
#ifndef HOTPATH_PAIR_STATS_H
#define HOTPATH_PAIR_STATS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hp_pair_ci {
    double est, lo, hi; /* median ratio and its interval */
    double p;           /* bootstrap two-sided p-value of "ratio = 1": twice the
                           smaller share of resampled medians on either side of
                           1 (at least 1/resamples); for FDR control */
} hp_pair_ci;

/* Median of the values of all groups pooled, with the bootstrap percentile
 * interval at `level` (0.95): each resample draws n_groups groups with
 * replacement, then within each drawn group as many rounds as it has, with
 * replacement, and takes the median of what it drew.  Groups are processes
 * (x holds group 0's group_n[0] values, then group 1's, ...); one group is
 * the plain bootstrap over rounds.  A process in another mode thus widens
 * the interval instead of moving a narrow one.  Deterministic in seed.
 * 0 on success, -1 when there is no value or memory. */
int hp_pair_ci_median(const double *x, const size_t *group_n, size_t n_groups, double level,
                      uint32_t resamples, uint64_t seed, hp_pair_ci *out);

/* The median of x[0..n) (n > 0); x is reordered. */
double hp_pair_median(double *x, size_t n);

/* Modes across processes: the per-process medians, sorted, split wherever
 * two neighbours differ by more than `gap` (relative, e.g. 0.03) and more
 * than four times the larger of the two processes' spreads (median
 * absolute deviation of their rounds, relative).  Up to HP_PAIR_MAX_MODES
 * modes are kept (the rest join the last one). */
#define HP_PAIR_MAX_MODES 4
typedef struct hp_pair_modes {
    size_t n;                          /* 1: the processes agree */
    double centre[HP_PAIR_MAX_MODES];  /* median of the process medians in each mode */
    size_t procs[HP_PAIR_MAX_MODES];   /* processes in each mode */
} hp_pair_modes;
int hp_pair_find_modes(const double *x, const size_t *group_n, size_t n_groups, double gap,
                       hp_pair_modes *out);

/* The smallest relative change detectable with 90% power by a two-sided
 * test at the interval's level (95%), given an A/A interval: the interval's
 * larger half-width is z(level) standard errors, a change is detected with
 * 90% power once it is (z(level) + z(0.90)) standard errors away.  Returns
 * a fraction (0.012 = 1.2%). */
double hp_pair_mde90(const hp_pair_ci *aa);

/* "100ns", "1us", "10us", "100us", "1ms", ...: the decade a time per call
 * is closest to on a log scale (30 ns to 300 ns is "100ns"). */
const char *hp_pair_time_class(double ns);

/* 1 if the interval excludes 1 (no change). */
static inline int hp_pair_changed(const hp_pair_ci *ci) { return ci->lo > 1 || ci->hi < 1; }

#ifdef __cplusplus
}
#endif
#endif
