/* hotpath-compare: two builds of the kernels in one process, compared in
 * paired rounds (make compare-builds; docs/compare-builds.md).
 *
 * build.c loads each build's libhotpath_shared.so in its own namespace;
 * run.c pairs their benchmarks (family/variant/size present in both),
 * checks each variant against its reference in its own build, then times A
 * and B in alternating rounds (bench/paired); report.c turns the rounds
 * into changes, p-values and verdicts under false discovery rate control
 * (bench/stats/fdr.c), prints criterion-style blocks and writes the run. */
#ifndef HOTPATH_COMPARE_H
#define HOTPATH_COMPARE_H

#include <regex.h>
#include <stdint.h>
#include <stdio.h>

#include "build.h"
#include "pair_stats.h"
#include "../paired/paired.h" /* the engine, not bench/stats/paired.h */

typedef struct hc_options {
    const char *path_a, *path_b, *name_a, *name_b;
    const char *out;         /* RESULTS/RUN: RUN.json, RUN-A.json, RUN-compare.tsv */
    const char *filter;      /* ERE over family/variant/size, or NULL */
    regex_t re;
    int quick;               /* the harnesses' short size lists */
    hp_pair_opts pair;
    uint32_t resamples;
    uint64_t seed;
    double noise, fdr, fail_pct; /* fractions; fail_pct NaN: never fail */
} hc_options;

/* One benchmark measured in both builds. */
typedef struct hc_result {
    char *name;              /* family/variant/size */
    uint64_t bytes;          /* per call, 0 when not a memory kernel */
    hp_pair_rounds r;
    hp_pair_ci a, b, ratio;  /* ns per call of each side; B/A */
    double p, q;             /* sign-test p of log(B/A); BH-adjusted */
    int verdict;             /* HS_VERDICT_* */
} hc_result;

typedef struct hc_run {
    hc_result *res;
    size_t n, alloc;
    /* what was not compared, one line each: only in one build, not
     * runnable, a size only one harness lists */
    char **notes;
    size_t nnotes, allocnotes;
    int failed;              /* a gate failure or an unmeasurable benchmark */
} hc_run;

int hc_note(hc_run *run, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Pairs and measures everything; progress on stderr.  0, or -1 (OOM). */
int hc_measure_all(const hc_build *a, const hc_build *b, const hc_options *o, hc_run *run);
/* Change intervals, p, q and verdicts; 0 or -1 (OOM). */
int hc_analyze(hc_run *run, const hc_options *o);
void hc_print(FILE *out, const hc_run *run, const hc_options *o);
/* The run's files, each written atomically; 0, or -1 with err. */
int hc_write(const hc_run *run, const hc_options *o, char *err, size_t len);
/* Regressions beyond o->fail_pct, each named on stderr; their count. */
size_t hc_regressions(const hc_run *run, const hc_options *o);
void hc_run_free(hc_run *run);

#endif
