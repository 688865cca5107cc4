/* The chart tables (docs/tables.md): hotpath-stats reads back the run's
 * tables (<family>.tsv, samples.tsv, change.tsv, hyperfine.tsv,
 * context.tsv) and writes tables/charts/<chart>.tsv, each already in the
 * shape its plots/<chart>.gp draws: positions, values, intervals, labels,
 * and the few scalars the script needs as "#n"/"#s" lines on top. */
#ifndef HOTPATH_CHARTS_H
#define HOTPATH_CHARTS_H

#include <stddef.h>
#include <stdio.h>

/* A tab-separated table with one header line (tsv_read.c). */
typedef struct hs_table {
    char **cols;
    size_t ncols;
    char ***rows; /* rows[i][j]: field j of data line i */
    size_t nrows;
} hs_table;

int hs_table_read(hs_table *t, const char *path, char *err, size_t errlen);
int hs_table_col(const hs_table *t, const char *name);       /* -1 if absent */
const char *hs_cell(const hs_table *t, size_t row, int col); /* "" for col -1 */
void hs_table_free(hs_table *t);

/* One row of a family table, as the charts read it; numbers are NaN where
 * the table says "-". */
typedef struct hs_crow {
    const char *name, *family, *var, *stage, *ext, *cap, *lvl, *unit, *spd_s, *bimodal;
    double size, touched, med, mlo, mhi, thr, tlo, thi, spd, slo, shi, n, mad, outl;
    int vorder; /* the variant's first row in its table: registry order */
} hs_crow;

typedef struct hs_fam {
    char *name;
    hs_table t;
    hs_crow *r;
    size_t n;
    int olevels;   /* has extras -O0..-Os: milestone 2's pairs */
    size_t nsizes; /* distinct sizes */
} hs_fam;

typedef struct hs_charts {
    char machine[256], rundate[96], cachesource[96], caps[256];
    double L1, L2, L3;
    hs_fam *fams; /* sorted by name */
    size_t nfams;
    hs_table samples, change, hyperfine; /* ncols 0 when absent */
} hs_charts;

/* The run's tables (chart_read.c): 0, or -1 with err. */
int hs_charts_read(hs_charts *c, const char *dir, char *err, size_t errlen);
void hs_charts_free(hs_charts *c);

/* Helpers (chart_common.c). */
double hs_cnum(const char *s);        /* NaN unless a number */
int hs_stage_rank(const char *stage); /* baseline 0 .. limit 6, other 7 */
int hs_first_cap(const hs_crow *r, const char *cap0);
double hs_pick_size(const hs_charts *c, const double *size, const double *touched, size_t n);
void hs_size_desc(char *dst, size_t len, double size, double touched, const char *level);
void hs_bytes_str(char *dst, size_t len, double b);
const char *hs_time_unit(double max_ns, double *scale);
void hs_fmt_ratio(char *dst, size_t len, double r);
/* Sorts idx[0..n) stably by cmp(a, b, arg) < 0. */
void hs_isort(size_t *idx, size_t n, int (*cmp)(size_t, size_t, const void *), const void *arg);
/* Journey order of two rows: stage, then registry order, then extra. */
int hs_journey_cmp(const hs_crow *a, const hs_crow *b);
/* A gnuplot string literal ('...' with '' for '). */
void hs_gp_quote(FILE *out, const char *s);
void hs_meta_s(FILE *out, const char *key, const char *value);
void hs_meta_n(FILE *out, const char *key, double value, const char *fmt);
void hs_log2_tics(FILE *out, double lo, double hi, int isbytes);

/* The charts; each writes its scalars to out and its header and rows to
 * rows (which follow the scalars in the file). */
void hs_chart_journey(FILE *out, FILE *rows, const hs_charts *c, const hs_fam *f);
void hs_chart_sizes(FILE *out, FILE *rows, const hs_charts *c, const hs_fam *f, int latency);
void hs_chart_branch(FILE *out, FILE *rows, const hs_charts *c, const hs_fam *f);
void hs_chart_optlevels(FILE *out, FILE *rows, const hs_charts *c, const hs_fam *const *f,
                        size_t nf);
void hs_chart_isa(FILE *out, FILE *rows, const hs_charts *c);
void hs_chart_distributions(FILE *out, FILE *rows, const hs_charts *c);
void hs_chart_change(FILE *out, FILE *rows, const hs_charts *c);
void hs_chart_hyperfine(FILE *out, FILE *rows, const hs_charts *c);

/* Reads DIR's tables and writes DIR/charts/ (one table per chart the data
 * allows, and plan.tsv); 0 or -1 with err. */
int hs_write_charts(const char *dir, char *err, size_t errlen);

#endif
