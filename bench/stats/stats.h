/* hotpath-stats: criterion-style statistics over hotpath's result files.
 *
 * The pieces: input_gbench.c and input_hyperfine.c read result files into
 * hs_bench rows; estimators.c, bootstrap.c, outliers.c and mwu.c are the
 * statistics; analyze.c pairs rows (reference, peer, limit, baseline) and
 * runs the bootstraps on every core; out_*.c print; baseline.c stores runs.
 * Instruction counts (make bench-instructions) are exact: icount.c reads,
 * compares and prints them apart from the timed benchmarks.
 * Every duration inside is in nanoseconds. */
#ifndef HOTPATH_STATS_H
#define HOTPATH_STATS_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* A point estimate and its 95% bootstrap interval; lo and hi are NaN when
 * there is no interval (fewer than two samples), est is NaN when absent. */
typedef struct hs_est {
    double est, lo, hi;
} hs_est;

typedef struct hs_outliers {
    size_t low_severe, low_mild, high_mild, high_severe;
} hs_outliers;

enum { HS_MODES_NA = -1, HS_MODES_ONE = 0, HS_MODES_TWO = 1 };

/* Two modes when the sorted sample splits into two clusters separated by a
 * gap much wider than the spread inside them (outliers.c). */
typedef struct hs_modes {
    int state;           /* HS_MODES_*; NA when the sample is too small */
    double lo, hi;       /* the clusters' medians */
    size_t n_lo, n_hi;
} hs_modes;

typedef struct hs_summary {
    hs_est mean, median, sd, mad; /* mad is scaled by 1.4826 (= sd if normal) */
    hs_outliers out;
    hs_modes modes;
} hs_summary;

enum { HS_THRPT_NONE = 0, HS_THRPT_BYTES, HS_THRPT_ITEMS };
/* Where a ratio column (speedup, vs_peer, vs_limit) comes from: the paired
 * comparison of the same two benchmarks (hp_paired rounds, paired.c), the
 * two benchmarks' independent medians when the run has no such pair, or
 * the benchmark against itself (exactly 1). */
enum { HS_SRC_NONE = 0, HS_SRC_MEDIANS, HS_SRC_PAIRED, HS_SRC_SELF };
enum { HS_KIND_GBENCH = 1, HS_KIND_HYPERFINE, HS_KIND_INSTRUCTIONS };
enum {
    HS_VERDICT_NONE = 0, /* not compared */
    HS_VERDICT_IMPROVED,
    HS_VERDICT_REGRESSED,
    HS_VERDICT_NO_CHANGE,
    HS_VERDICT_NOISE
};

/* The registry as a Google Benchmark file's context records it
 * (registry.c): a family's reference and order, a variant's stage and
 * order (registry variants, then peers). */
typedef struct hs_family_info {
    char *name, *reference, *size_unit;
    size_t order;
} hs_family_info;
typedef struct hs_variant_info {
    char *family, *name, *stage;
    size_t order;
} hs_variant_info;

/* One result file. */
typedef struct hs_file {
    char *path;
    int kind;              /* HS_KIND_* */
    json_t *root;          /* owned */
    const char *cap;       /* context.hp_isa_cap, or "-" */
    double l1, l2, l3;     /* cache bytes from the context; 0 when unknown */
    hs_family_info *fams;  /* the registry (Google Benchmark files only) */
    hs_variant_info *vars;
    size_t nfams, nvars;
    const char *no_registry; /* static: why the registry is unknown, or NULL */
} hs_file;

/* One benchmark (Google Benchmark: one name at one ISA cap; hyperfine: one
 * command of one file) and, after hs_analyze, its statistics. */
typedef struct hs_bench {
    char *name;            /* family/variant/size[/extra]; hyperfine: group */
    char *family, *variant, *size, *extra; /* "-" when absent */
    const char *stage;     /* owned by file (its registry), or static "-" */
    const char *cap;       /* owned by file */
    const hs_file *file;
    char *skip;            /* error row: the reason; no samples then */
    double *t;             /* samples: real time per iteration, ns */
    double *cpu;           /* cpu time per iteration, ns, per sample */
    double *rate;          /* bytes or items per second, per sample */
    size_t n, alloc;
    int unit;              /* HS_THRPT_* */
    double per_iter;       /* bytes or items per iteration; NaN if unit NONE */
    double touched;        /* the `touched` counter; NaN when absent */
    /* results */
    hs_summary s;
    hs_est thrpt;          /* GB/s or Gitem/s (= per ns) */
    hs_est speedup, vs_peer, vs_limit, change; /* change: fraction, + slower */
    int speedup_src, peer_src, limit_src; /* HS_SRC_* */
    size_t speedup_rounds, peer_rounds, limit_rounds; /* paired: rounds, all processes */
    double p;              /* Mann-Whitney U p-value vs the baseline */
    int verdict;
    const struct hs_bench *ref, *peer, *limit, *base;
    double q;              /* p adjusted across the run (fdr.c); = p without FDR */
} hs_bench;

/* One callgrind count of `make bench-instructions`: deterministic, so no
 * samples and no interval; compared with the baseline's count exactly. */
typedef struct hs_icount {
    char *name, *family, *variant, *unit; /* "-" for a skipped entry */
    char *skip;            /* skipped: the reason; no count then */
    unsigned long long size, count, base;
    int has_base;          /* base holds the baseline's count of this name */
} hs_icount;

typedef struct hs_set {
    /* Which Google Benchmark clock the estimates use: CPU time (default:
     * time the process was not running, preempted by other work on a
     * shared machine, does not count) or wall-clock real time. */
    int real_time;
    hs_bench *b;
    size_t n, alloc;
    hs_file **f;           /* each allocated alone: benchmarks point to them */
    size_t nf, allocf;
    hs_icount *ic;         /* instruction counts, in file order */
    size_t nic, allocic;
} hs_set;

typedef struct hs_options {
    size_t resamples;
    uint64_t seed;
    double noise;          /* fraction */
    double significance;   /* per comparison, when fdr is 0 */
    int threads;
    double fdr;            /* false discovery rate of the verdicts (fdr.c); 0: off */
} hs_options;

/* Inputs: 0 on success; otherwise a one-line message in err. */
int hs_read_file(hs_set *set, const char *path, char *err, size_t errlen);
/* A parsed document (the set takes root, even on failure), by its top level. */
int hs_read_json(hs_set *set, const char *path, json_t *root, char *err, size_t errlen);
int hs_read_gbench(hs_set *set, hs_file *f, char *err, size_t errlen);
int hs_read_hyperfine(hs_set *set, hs_file *f, char *err, size_t errlen);
int hs_read_icounts(hs_set *set, hs_file *f, char *err, size_t errlen);
hs_file *hs_add_file(hs_set *set, const char *path, json_t *root, int kind);
hs_bench *hs_find(const hs_set *set, const char *name, const char *cap);
hs_bench *hs_new_bench(hs_set *set, const char *name, const char *cap, const hs_file *f);
int hs_add_sample(hs_bench *b, double t, double cpu, double rate);
/* A time in ns, after unit scaling, that a measurement can produce: finite,
 * above zero (a clock never reads 0 for work done) and at most HS_MAX_NS
 * (a million seconds); NULL if so, else what is wrong with it. */
#define HS_MAX_NS 1e15
const char *hs_time_problem(double ns, int zero_ok);
/* Whether s holds a control character (tab, newline, ...): names and
 * context values go into TSV rows and Markdown cells, which they would
 * split, so the readers refuse them. */
int hs_has_control(const char *s);
void hs_set_free(hs_set *set);

/* The registry of a Google Benchmark file's context (registry.c): 0, or
 * -1 when out of memory; a file without it gets f->no_registry. */
int hs_read_registry(hs_file *f);
void hs_registry_free(hs_file *f);
const hs_family_info *hs_find_family(const hs_file *f, const char *family);
const hs_variant_info *hs_find_variant(const hs_file *f, const char *family, const char *name);

/* Names and stages: "-" and NULL when the file's registry does not know. */
int hs_split_name(hs_bench *b, const char *name);
const char *hs_stage_of(const hs_file *f, const char *family, const char *variant,
                        const char *extra);
const char *hs_reference_of(const hs_file *f, const char *family);
const char *hs_cache_level(const hs_bench *b);
int hs_sort_benches(hs_set *set); /* journey order; 0 or -1 (no memory) */

/* Estimators (estimators.c). */
void hs_sort(double *x, size_t n);
double hs_select(double *x, size_t n, size_t k);   /* k-th smallest; reorders x */
double hs_percentile(double *x, size_t n, double p); /* type 7; reorders x */
/* The 2.5% and 97.5% percentiles (type 7); reorders x. */
void hs_interval95(double *x, size_t n, double *lo, double *hi);
double hs_sorted_quantile(const double *sorted, size_t n, double p);
double hs_mean(const double *x, size_t n);
double hs_sd(const double *x, size_t n);
double hs_sorted_median(const double *sorted, size_t n);
double hs_sorted_mad(const double *sorted, size_t n, double median);

/* Bootstrap (bootstrap.c): summary of x with intervals; when med_reps is
 * not NULL it receives the `resamples` resampled medians in draw order. */
int hs_bootstrap(const double *x, size_t n, size_t resamples, uint64_t seed,
                 hs_summary *s, double *med_reps);
/* num_est/den_est with the interval of num_reps[i]/den_reps[i] (+ offset). */
hs_est hs_ratio(double num_est, double den_est, const double *num_reps,
                const double *den_reps, size_t resamples, double offset, double *scratch);
uint64_t hs_stream_seed(uint64_t seed, const char *a, const char *b, const char *c);

/* Outliers and modes (outliers.c), on a sorted sample. */
hs_outliers hs_tukey(const double *sorted, size_t n);
size_t hs_outlier_count(const hs_outliers *o);
hs_modes hs_find_modes(const double *sorted, size_t n);

/* Comparison (mwu.c). */
double hs_mann_whitney_p(const double *a, size_t na, const double *b, size_t nb);
int hs_verdict(double p, hs_est change, double noise, double significance);
const char *hs_verdict_text(int verdict);

/* Paired rounds (sign_test.c): the two-sided sign-test p of differences d
 * (log B/A per round) having median 0. */
double hs_sign_test_p(const double *d, size_t n);

/* False discovery rate (fdr.c).  q[i] = p[i] adjusted by Benjamini-Hochberg
 * over the non-NaN p's (NaN stays NaN); returns how many were tested, or
 * SIZE_MAX when out of memory. */
size_t hs_fdr_adjust(const double *p, size_t n, double *q);
/* Verdicts of every baseline comparison of the run from q at level o->fdr
 * (per comparison p < o->significance when o->fdr is 0); 0 or -1 (OOM). */
int hs_fdr_verdicts(hs_set *run, const hs_options *o);
typedef struct hs_fdr_count {
    size_t tests, significant, flagged; /* flagged: improved or regressed */
    double expected_false;              /* among the significant, at most */
} hs_fdr_count;
/* The counts over a run's baseline comparisons, or one verdict at a time
 * (paired comparisons made elsewhere, e.g. hotpath-compare). */
hs_fdr_count hs_fdr_summary(const hs_set *run, const hs_options *o);
void hs_fdr_count_verdict(hs_fdr_count *c, int verdict, const hs_options *o);
/* One line: how many are significant and flagged, how many expected false. */
void hs_print_fdr_summary(FILE *out, const hs_fdr_count *c, const hs_options *o,
                          const char *prefix);

/* The whole analysis: pairs rows, bootstraps everything; 0 or -1 (OOM). */
int hs_analyze(hs_set *run, hs_set *baseline, const hs_options *o);

/* Output. */
void hs_print_text(FILE *out, const hs_set *run, int compared);
void hs_print_markdown(FILE *out, const hs_set *run, const char *baseline,
                       const hs_options *o);
const char *hs_src_text(int src); /* "paired", "medians", "self" or "-" */
void hs_print_tsv_header(FILE *out);
void hs_print_tsv_row(FILE *out, const hs_bench *b);
void hs_print_change_header(FILE *out);
void hs_print_change_row(FILE *out, const hs_bench *b);
void hs_print_hyperfine_header(FILE *out);
void hs_print_hyperfine_row(FILE *out, const hs_bench *b);
const char *hs_context(const hs_set *run, const char *key);
/* Stages <run>.md and <run>/tables/ (hs_commit_staged makes them appear). */
int hs_write_outputs(const hs_set *run, const char *baseline, const hs_options *o,
                     char *md_path, size_t md_len, char *err, size_t errlen);
int hs_mkdirs(char *path, char *err, size_t errlen);
/* snprintf into a path buffer; -1 and an error when it does not fit. */
int hs_path(char *dst, size_t len, char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Output files of one invocation (outputs.c): hs_write_outputs writes the
 * tables into a new directory and hs_stage_write each other file whole
 * under a temporary name (writes, flush, fsync and close checked);
 * hs_commit_staged makes them all appear (none if a target cannot be
 * replaced), or hs_discard_staged removes them.  hs_remove_partial is for
 * a signal handler: it removes everything not yet committed.
 * hs_atomic_write writes one file at once (temporary name, rename). */
int hs_atomic_write(const char *path, void (*fill)(FILE *, const void *), const void *arg,
                    char *err, size_t errlen);
int hs_stage_write(const char *path, void (*fill)(FILE *, const void *), const void *arg,
                   char *err, size_t errlen);
int hs_commit_staged(char *err, size_t errlen);
/* Until the commit: where a staged file is being written (path itself if
 * it is not staged), and the new tables directory (NULL if none). */
const char *hs_staged_path(const char *path);
const char *hs_staged_tables(void);
void hs_discard_staged(void);
void hs_remove_partial(void);

/* Baselines (baseline.c). */
int hs_baseline_name_ok(const char *name);
int hs_save_baseline(const hs_set *run, const char *dir, const char *name,
                     char *err, size_t errlen);
int hs_load_baseline(hs_set *base, const char *dir, const char *name,
                     char *err, size_t errlen);

/* Instruction counts (icount.c). */
void hs_icount_free(hs_set *set);
hs_icount *hs_find_icount(const hs_set *set, const char *name);
void hs_compare_icounts(hs_set *run, const hs_set *base);
double hs_icount_change_pct(const hs_icount *c); /* +: more instructions */
const char *hs_icount_verdict(const hs_icount *c);
void hs_print_icount_text(FILE *out, const hs_set *run, int compared);
void hs_print_icount_tsv(FILE *out, const hs_set *run);

/* Cycles (cycles.c): the core clock a result file measured (NaN if none),
 * whether any file of the run has one, and tables/cycles.tsv. */
double hs_core_ghz(const hs_file *f);
int hs_has_cycles(const hs_set *run);
void hs_print_cycles_tsv(FILE *out, const hs_set *run);
void hs_print_icount_markdown(FILE *out, const hs_set *run, const char *baseline);
int hs_save_icount_baseline(const hs_set *run, const char *dir, const char *name,
                            char *err, size_t errlen);
int hs_load_icount_baseline(hs_set *base, const char *dir, const char *name,
                            char *err, size_t errlen);

/* Milestone 7's derived figures (cpu_effects.c): tables/effects-*.tsv of
 * the run's first Google Benchmark file, and the text report of one file
 * (nothing when it has no milestone 7 benchmark); 0, or -1 with err. */
int hs_write_cpu_effects(const hs_set *run, const char *dir, char *err, size_t errlen);
int hs_cpu_effects_report(FILE *out, const char *path, char *err, size_t errlen);

/* Formatting (format.c). */
const char *hs_fmt_time(char *buf, size_t len, double ns);
const char *hs_fmt_thrpt(char *buf, size_t len, double per_ns, int unit);
const char *hs_fmt_num(char *buf, size_t len, double v, const char *fmt);

#endif
