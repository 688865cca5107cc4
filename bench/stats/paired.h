/* hotpath-stats: paired comparisons (hotpath-bench's "hp_paired" rounds,
 * docs/paired.md).  Every process of a run contributes its rounds of each
 * comparison; the interval of the median ratio resamples processes, then
 * rounds (bench/paired/pair_stats.h). */
#ifndef HOTPATH_STATS_PAIRED_H
#define HOTPATH_STATS_PAIRED_H

#include <jansson.h>
#include <stdio.h>

#include "pair_stats.h"
#include "stats.h"

#define HS_PAIR_MAX_PROCS 64

/* One comparison pair/<family>/<A>:<B>/<size>: ratio = B/A per round. */
typedef struct hs_pair {
    char *name, *family, *a, *b;
    char *cap;                   /* context.hp_isa_cap of the first file read, or "-" */
    unsigned long long size;
    double *ratio, *ns_a, *ns_b; /* rounds of every process, process by process */
    size_t n, alloc;
    size_t n_groups;             /* processes */
    size_t group_n[HS_PAIR_MAX_PROCS];
    int proc[HS_PAIR_MAX_PROCS];
    size_t offset[HS_PAIR_MAX_PROCS];
    /* after hs_pairs_analyze */
    hp_pair_ci ci;               /* 95%, over processes then rounds; ci.p for FDR */
    double a_ns, b_ns;           /* medians of the rounds, ns per call */
    hp_pair_modes modes;         /* across processes (n > 1: they disagree) */
    double q;                    /* ci.p adjusted over the run's comparisons (fdr.c) */
} hs_pair;

typedef struct hs_pairs {
    hs_pair *p;
    size_t n, alloc;
    size_t procs;                /* distinct processes seen */
} hs_pairs;

/* The rounds in a result file's "hp_paired" (none is fine); 0 or -1 with
 * err naming the file and field. */
int hs_pairs_add_json(hs_pairs *ps, json_t *root, const char *path, char *err, size_t len);
/* Another process of the same run (--replicate FILE): its rounds only. */
int hs_pairs_add_file(hs_pairs *ps, const char *path, char *err, size_t len);
/* Intervals, medians and modes; 0 or -1 (no memory). */
int hs_pairs_analyze(hs_pairs *ps, const hs_options *o);
/* The ratio columns of the run's benchmarks (speedup, vs_peer, vs_limit)
 * from the paired comparison of the same two benchmarks where there is
 * one (pair/<family>/<other>:<variant>/<size>[/<extra>] at the same ISA
 * cap): 1/ratio, the interval 1/hi..1/lo; the others keep hs_analyze's
 * independent medians.  After hs_analyze and hs_pairs_analyze. */
void hs_pairs_apply(hs_set *run, const hs_pairs *ps);
/* Text blocks: the comparisons, then the detection limit (calibration). */
void hs_pairs_print_text(FILE *out, const hs_pairs *ps);
/* The false discovery rate line over the comparisons (fdr.c). */
void hs_pairs_print_fdr(FILE *out, const hs_pairs *ps, const hs_options *o);
void hs_pairs_print_calibration(FILE *out, const hs_pairs *ps);
/* paired.tsv and detection_limit.tsv among the run's tables (tables: the
 * directory hs_write_outputs staged, hs_staged_tables()). */
int hs_pairs_write_tables(const hs_pairs *ps, const char *tables, char *err, size_t len);
/* Adds the comparisons and the detection limit to the run's Markdown
 * summary (rewritten whole, atomically; md_path: where hs_write_outputs
 * staged it, hs_staged_path(<run>.md)). */
int hs_pairs_append_markdown(const hs_pairs *ps, const char *md_path, char *err, size_t len);
void hs_pairs_free(hs_pairs *ps);

#endif
