/* Chart tables: what every chart shares (the run's context, the
 * representative size, journey order, number formats) and the plan: which
 * charts the tables allow, written to <tables>/charts/ atomically, listed
 * in charts/plan.tsv with the reason for each chart the run cannot have. */
#include "charts.h"
#include "stats.h"

#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

double hs_cnum(const char *s)
{
    if (!s || !*s || strcmp(s, "-") == 0 || strcmp(s, "nan") == 0 || strcmp(s, "inf") == 0)
        return NAN;
    char *end;
    const double v = strtod(s, &end);
    return *end == '\0' ? v : NAN;
}

int hs_stage_rank(const char *s)
{
    static const char *const order[] = {"baseline", "algorithm", "auto", "simd",
                                        "asm", "library", "limit"};
    for (int i = 0; i < 7; i++)
        if (strcmp(s, order[i]) == 0)
            return i;
    return 7;
}

/* A chart draws one ISA cap: the first its table lists (a make bench-isa
 * table holds several; the isa chart reads them all). */
int hs_first_cap(const hs_crow *r, const char *cap0)
{
    return strcmp(r->cap, cap0) == 0;
}

/* The size that represents a family: the largest whose bytes touched fit
 * L2 (1 MiB when L2 is unknown), else the smallest; the largest when no
 * size says what it touches. */
double hs_pick_size(const hs_charts *c, const double *size, const double *touched, size_t n)
{
    const double lim = c->L2 > 0 ? c->L2 : 1048576;
    double best = NAN, small = NAN, largest = NAN;
    int known = 0;
    for (size_t k = 0; k < n; k++) {
        if (isnan(small) || size[k] < small)
            small = size[k];
        if (isnan(largest) || size[k] > largest)
            largest = size[k];
        if (isnan(touched[k]))
            continue;
        known = 1;
        if (touched[k] <= lim && (isnan(best) || size[k] > best))
            best = size[k];
    }
    return !known ? largest : !isnan(best) ? best : small;
}

void hs_bytes_str(char *dst, size_t len, double b)
{
    if (b >= 1073741824)
        snprintf(dst, len, "%.3g GiB", b / 1073741824);
    else if (b >= 1048576)
        snprintf(dst, len, "%.3g MiB", b / 1048576);
    else if (b >= 1024)
        snprintf(dst, len, "%.3g KiB", b / 1024);
    else
        snprintf(dst, len, "%g B", b);
}

/* "size 16384 (37 KiB touched, in L1)": what a title says of a size. */
void hs_size_desc(char *dst, size_t len, double size, double touched, const char *level)
{
    if (isnan(touched)) {
        snprintf(dst, len, "size %.0f", size);
        return;
    }
    char b[32];
    hs_bytes_str(b, sizeof b, touched);
    const int lv = strcmp(level, "?") != 0 && *level;
    snprintf(dst, len, "size %.0f (%s touched%s%s)", size, b, lv ? ", in " : "", lv ? level : "");
}

/* A time unit that suits max_ns, and the factor from ns to it. */
const char *hs_time_unit(double max_ns, double *scale)
{
    if (max_ns >= 1e9)
        return *scale = 1e-9, "s";
    if (max_ns >= 1e6)
        return *scale = 1e-6, "ms";
    if (max_ns >= 1e3)
        return *scale = 1e-3, "us";
    return *scale = 1, "ns";
}

void hs_fmt_ratio(char *dst, size_t len, double r)
{
    if (isnan(r))
        snprintf(dst, len, "-");
    else
        snprintf(dst, len, r < 10 ? "%.2fx" : r < 100 ? "%.1fx" : "%.0fx", r);
}

void hs_isort(size_t *idx, size_t n, int (*cmp)(size_t, size_t, const void *), const void *arg)
{
    for (size_t i = 1; i < n; i++) {
        const size_t t = idx[i];
        size_t j = i;
        for (; j > 0 && cmp(t, idx[j - 1], arg) < 0; j--)
            idx[j] = idx[j - 1];
        idx[j] = t;
    }
}

int hs_journey_cmp(const hs_crow *a, const hs_crow *b)
{
    const int sa = hs_stage_rank(a->stage), sb = hs_stage_rank(b->stage);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (a->vorder != b->vorder)
        return a->vorder < b->vorder ? -1 : 1;
    return strcmp(a->ext, b->ext);
}

void hs_gp_quote(FILE *out, const char *s)
{
    fputc('\'', out);
    for (; *s; s++) {
        if (*s == '\'')
            fputc('\'', out);
        fputc(*s, out);
    }
    fputc('\'', out);
}

/* A scalar of the chart, above its rows: "#s<TAB>key<TAB>text" or
 * "#n<TAB>key<TAB>number" (gnuplot skips both as comments). */
void hs_meta_s(FILE *out, const char *key, const char *value)
{
    fprintf(out, "#s\t%s\t%s\n", key, value);
}

void hs_meta_n(FILE *out, const char *key, double value, const char *fmt)
{
    fprintf(out, "#n\t%s\t", key);
    if (isnan(value))
        fputs("NaN", out);
    else
        fprintf(out, fmt, value);
    fputc('\n', out);
}

/* log2 tics from lo to hi (bytes or counts) as the gnuplot command the
 * chart evaluates; about ten labels at most (every 2nd or 4th power when
 * the range is wide). */
void hs_log2_tics(FILE *out, double lo, double hi, int isbytes)
{
    double t = 1;
    while (t * 2 <= lo)
        t *= 2;
    int n = 0;
    for (double s = t; s <= hi * 1.01; s *= 2)
        n++;
    const double m = n <= 10 ? 2 : n <= 20 ? 4 : 16;
    fputs("#s\txtics_cmd\tset xtics (", out);
    for (int first = 1; t <= hi * 1.01; t *= m, first = 0) {
        char lab[32];
        if (isbytes)
            hs_bytes_str(lab, sizeof lab, t);
        else
            snprintf(lab, sizeof lab, "%.0f", t);
        fprintf(out, "%s'%s' %.0f", first ? "" : ", ", lab, t);
    }
    fputs(")\n", out);
}

/* ---- reading the run's tables ---- */

static void read_context(hs_charts *c, const char *dir)
{
    char p[4096], err[256];
    hs_table t;
    strcpy(c->machine, "unknown CPU");
    strcpy(c->rundate, "date unknown");
    if (hs_path(p, sizeof p, err, sizeof err, "%s/context.tsv", dir) || hs_table_read(&t, p, err, sizeof err))
        return;
    for (size_t i = 0; i < t.nrows; i++) {
        const char *k = t.rows[i][0], *v = t.ncols > 1 ? t.rows[i][1] : "";
        if (strcmp(k, "hp_cpu_model") == 0 && *v)
            snprintf(c->machine, sizeof c->machine, "%s", v);
        else if (strcmp(k, "hp_cache_source") == 0)
            snprintf(c->cachesource, sizeof c->cachesource, "%s", v);
        else if (strcmp(k, "hp_isa_cap") == 0)
            snprintf(c->caps, sizeof c->caps, "%s", v);
        else if (strcmp(k, "hp_l1d_bytes") == 0)
            c->L1 = isnan(hs_cnum(v)) ? 0 : hs_cnum(v);
        else if (strcmp(k, "hp_l2_bytes") == 0)
            c->L2 = isnan(hs_cnum(v)) ? 0 : hs_cnum(v);
        else if (strcmp(k, "hp_l3_bytes") == 0)
            c->L3 = isnan(hs_cnum(v)) ? 0 : hs_cnum(v);
        else if (strcmp(k, "date") == 0 && *v) {
            /* 2026-11-24T21:34:40+00:00 -> "2026-11-24 21:34 UTC" */
            const char *tee = strchr(v, 'T');
            const size_t vl = strlen(v);
            if (tee && vl >= 16 && strspn(v, "0123456789-") == (size_t)(tee - v) &&
                strspn(tee + 1, "0123456789:") > 0) {
                const int utc = (vl >= 6 && strcmp(v + vl - 6, "+00:00") == 0) || v[vl - 1] == 'Z';
                snprintf(c->rundate, sizeof c->rundate, "%.10s %.5s%s", v, v + 11,
                         utc ? " UTC" : vl > 19 ? v + 19 : "");
            } else {
                snprintf(c->rundate, sizeof c->rundate, "%s", v);
            }
        }
    }
    hs_table_free(&t);
}

static int fam_cmp(const void *a, const void *b)
{
    return strcmp(((const hs_fam *)a)->name, ((const hs_fam *)b)->name);
}

/* The rows of a family table; vorder from each variant's first row. */
static int load_rows(hs_fam *f)
{
    const hs_table *t = &f->t;
    f->r = calloc(t->nrows + 1, sizeof *f->r);
    if (!f->r)
        return -1;
    int col[24];
    static const char *const names[24] = {
        "name", "family", "variant", "stage", "extra", "cap", "cache_level", "thrpt_unit",
        "speedup", "bimodal", "size", "touched", "median_ns", "median_lo", "median_hi", "thrpt",
        "thrpt_lo", "thrpt_hi", "speedup_lo", "speedup_hi", "n", "mad_ns", "outliers_pct", NULL};
    for (int i = 0; names[i]; i++)
        col[i] = hs_table_col(t, names[i]);
    for (size_t i = 0; i < t->nrows; i++) {
        hs_crow *r = &f->r[i];
        const char **s[10] = {&r->name, &r->family, &r->var, &r->stage, &r->ext,
                              &r->cap, &r->lvl, &r->unit, &r->spd_s, &r->bimodal};
        for (int k = 0; k < 10; k++)
            *s[k] = hs_cell(t, i, col[k]);
        double *d[13] = {&r->size, &r->touched, &r->med, &r->mlo, &r->mhi, &r->thr, &r->tlo,
                         &r->thi, &r->slo, &r->shi, &r->n, &r->mad, &r->outl};
        for (int k = 0; k < 13; k++)
            *d[k] = hs_cnum(hs_cell(t, i, col[10 + k]));
        r->spd = hs_cnum(r->spd_s);
        r->vorder = (int)i;
        for (size_t j = 0; j < i; j++)
            if (strcmp(f->r[j].var, r->var) == 0) {
                r->vorder = f->r[j].vorder;
                break;
            }
        const char *e = r->ext;
        if (e[0] == 'O' && strchr("0123s", e[1]) && e[1] && !e[2])
            f->olevels = 1;
        size_t j = 0;
        while (j < i && f->r[j].size != r->size)
            j++;
        f->nsizes += j == i;
    }
    f->n = t->nrows;
    return 0;
}

/* Family tables are those with the family header; the rest (samples,
 * context, change, ...) are read by name. */
static int read_families(hs_charts *c, const char *dir, char *err, size_t errlen)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "%s: cannot read the tables", dir);
        return -1;
    }
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d))) {
        const size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".tsv") != 0)
            continue;
        char p[4096];
        hs_table t;
        if (hs_path(p, sizeof p, err, errlen, "%s/%s", dir, e->d_name) ||
            hs_table_read(&t, p, err, errlen)) {
            rc = -1;
            break;
        }
        static const char *const family_cols[] = {"name", "family", "variant", "stage", "size"};
        int family = t.ncols >= 5;
        for (size_t i = 0; family && i < 5; i++)
            family = strcmp(t.cols[i], family_cols[i]) == 0;
        if (!family) {
            hs_table_free(&t);
            continue;
        }
        hs_fam *f = realloc(c->fams, (c->nfams + 1) * sizeof *f);
        if (!f) {
            hs_table_free(&t);
            rc = -1;
            snprintf(err, errlen, "out of memory");
            break;
        }
        c->fams = f;
        f = &c->fams[c->nfams++];
        memset(f, 0, sizeof *f);
        f->t = t;
        f->name = strndup(e->d_name, len - 4);
        if (!f->name || load_rows(f) != 0) {
            rc = -1;
            snprintf(err, errlen, "out of memory");
        }
    }
    closedir(d);
    if (rc == 0)
        qsort(c->fams, c->nfams, sizeof *c->fams, fam_cmp);
    return rc;
}

static void read_optional(hs_table *t, const char *dir, const char *name)
{
    char p[4096], err[256];
    memset(t, 0, sizeof *t);
    if (hs_path(p, sizeof p, err, sizeof err, "%s/%s", dir, name) == 0 && access(p, F_OK) == 0 &&
        hs_table_read(t, p, err, sizeof err) != 0)
        memset(t, 0, sizeof *t);
}

static void charts_free(hs_charts *c)
{
    for (size_t i = 0; i < c->nfams; i++) {
        free(c->fams[i].name);
        free(c->fams[i].r);
        hs_table_free(&c->fams[i].t);
    }
    free(c->fams);
    hs_table_free(&c->samples);
    hs_table_free(&c->change);
    hs_table_free(&c->hyperfine);
}

/* ---- the plan and the writing ---- */

typedef struct job {
    const hs_charts *c;
    char chart[300];
    int kind;              /* J_* */
    const hs_fam *f;
    const hs_fam *olev[64];
    size_t nolev;
} job;

enum { J_JOURNEY, J_SIZES, J_LATENCY, J_BRANCH, J_OPTLEVELS, J_ISA, J_DISTRIBUTIONS, J_CHANGE,
       J_HYPERFINE };

static void fill_chart(FILE *out, const void *p)
{
    const job *j = p;
    const hs_charts *c = j->c;
    hs_meta_s(out, "machine", c->machine);
    hs_meta_s(out, "rundate", c->rundate);
    hs_meta_n(out, "L1", c->L1, "%.0f");
    hs_meta_n(out, "L2", c->L2, "%.0f");
    hs_meta_n(out, "L3", c->L3, "%.0f");
    hs_meta_s(out, "cachesource", c->cachesource);
    char *buf = NULL;
    size_t len = 0;
    FILE *body = open_memstream(&buf, &len);
    FILE *rows = body ? body : out; /* no memory: the scalars follow the rows instead */
    switch (j->kind) {
    case J_JOURNEY: hs_chart_journey(out, rows, c, j->f); break;
    case J_SIZES: hs_chart_sizes(out, rows, c, j->f, 0); break;
    case J_LATENCY: hs_chart_sizes(out, rows, c, j->f, 1); break;
    case J_BRANCH: hs_chart_branch(out, rows, c, j->f); break;
    case J_OPTLEVELS: hs_chart_optlevels(out, rows, c, j->olev, j->nolev); break;
    case J_ISA: hs_chart_isa(out, rows, c); break;
    case J_DISTRIBUTIONS: hs_chart_distributions(out, rows, c); break;
    case J_CHANGE: hs_chart_change(out, rows, c); break;
    case J_HYPERFINE: hs_chart_hyperfine(out, rows, c); break;
    }
    if (body) {
        if (fclose(body) == 0)
            fwrite(buf, 1, len, out);
        else
            fputs("#s\terror\tout of memory\n", out);
        free(buf);
    }
}

typedef struct plan {
    job *jobs;
    size_t n;
    char skipped[8][160];
    size_t nskipped;
} plan;

static job *add_job(plan *p, const hs_charts *c, int kind, const char *chart, const hs_fam *f)
{
    job *j = &p->jobs[p->n++];
    memset(j, 0, sizeof *j);
    j->c = c;
    j->kind = kind;
    j->f = f;
    snprintf(j->chart, sizeof j->chart, "%s", chart);
    return j;
}

static void skip(plan *p, const char *chart, const char *why)
{
    snprintf(p->skipped[p->nskipped++], sizeof p->skipped[0], "%s\t-\t%s", chart, why);
}

/* Which charts the tables allow: an ISA sweep (several caps) gets the isa
 * chart only; otherwise a family gets a journey, and a sizes chart when
 * it has several sizes; milestone 2's pairs (extras -O0..-Os) and
 * sum_array go to optlevels, milestone 7's pointer_chase and branch_sum
 * to their own charts; then the run-wide charts. */
static void make_plan(plan *p, const hs_charts *c)
{
    char name[300];
    if (strchr(c->caps, ',')) {
        add_job(p, c, J_ISA, "isa", NULL);
        return;
    }
    job *olev = NULL;
    size_t nolev = 0;
    const hs_fam *ol[64];
    for (size_t i = 0; i < c->nfams; i++) {
        const hs_fam *f = &c->fams[i];
        if (strcmp(f->name, "pointer_chase") == 0) {
            add_job(p, c, J_LATENCY, "latency", f);
            continue;
        }
        if (strcmp(f->name, "branch_sum") == 0) {
            add_job(p, c, J_BRANCH, "branch", f);
            add_job(p, c, J_SIZES, "sizes-branch_sum", f);
            continue;
        }
        if (f->olevels) {
            if (nolev < 64)
                ol[nolev++] = f;
            continue;
        }
        if (strcmp(f->name, "sum_array") == 0 && nolev < 64) {
            memmove(ol + 1, ol, nolev * sizeof *ol);
            ol[0] = f;
            nolev++;
        }
        snprintf(name, sizeof name, "journey-%s", f->name);
        add_job(p, c, J_JOURNEY, name, f);
        if (f->nsizes >= 2) {
            snprintf(name, sizeof name, "sizes-%s", f->name);
            add_job(p, c, J_SIZES, name, f);
        }
    }
    if (nolev) {
        olev = add_job(p, c, J_OPTLEVELS, "optlevels", NULL);
        memcpy(olev->olev, ol, nolev * sizeof *ol);
        olev->nolev = nolev;
    } else {
        skip(p, "optlevels", "no -O0..-O3 benchmarks in this run");
    }
    int reps = 0;
    for (size_t i = 0; i < c->nfams && !reps; i++)
        for (size_t k = 0; k < c->fams[i].n && !reps; k++)
            reps = c->fams[i].r[k].n >= 5;
    if (reps)
        add_job(p, c, J_DISTRIBUTIONS, "distributions", NULL);
    else
        skip(p, "distributions", "fewer than 5 repetitions per benchmark (REPS)");
    if (c->change.ncols)
        add_job(p, c, J_CHANGE, "change", NULL);
    else
        skip(p, "change", "no baseline compared (make bench BASELINE=name)");
    if (c->hyperfine.ncols)
        add_job(p, c, J_HYPERFINE, "hyperfine", NULL);
    else
        skip(p, "hyperfine", "no hyperfine results in this run");
    int chase = 0, branch = 0;
    for (size_t i = 0; i < c->nfams; i++) {
        chase |= strcmp(c->fams[i].name, "pointer_chase") == 0;
        branch |= strcmp(c->fams[i].name, "branch_sum") == 0;
    }
    if (!chase)
        skip(p, "latency", "no pointer_chase results");
    if (!branch)
        skip(p, "branch", "no branch_sum results");
}

/* plan.tsv: the charts in the order a page shows them, with the script
 * that draws each; a chart the run cannot have, with the reason. */
static void fill_plan(FILE *out, const void *p)
{
    static const char *const script[] = {"journey", "sizes", "latency", "branch", "optlevels",
                                         "isa", "distributions", "change", "hyperfine"};
    const plan *pl = p;
    fputs("chart\tscript\tskipped\n", out);
    for (size_t i = 0; i < pl->n; i++)
        fprintf(out, "%s\t%s\t-\n", pl->jobs[i].chart, script[pl->jobs[i].kind]);
    for (size_t i = 0; i < pl->nskipped; i++)
        fprintf(out, "%s\n", pl->skipped[i]);
}

/* Chart tables an earlier analysis left that this one did not write. */
static void remove_stale(const char *dir, const plan *p)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        const size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".tsv") != 0 ||
            strcmp(e->d_name, "plan.tsv") == 0)
            continue;
        size_t k = 0;
        while (k < p->n && !(strlen(p->jobs[k].chart) == len - 4 &&
                             strncmp(p->jobs[k].chart, e->d_name, len - 4) == 0))
            k++;
        char path[4096], err[64];
        if (k == p->n && hs_path(path, sizeof path, err, sizeof err, "%s/%s", dir, e->d_name) == 0)
            unlink(path);
    }
    closedir(d);
}

int hs_write_charts(const char *dir, char *err, size_t errlen)
{
    hs_charts c = {0};
    read_context(&c, dir);
    if (read_families(&c, dir, err, errlen) != 0) {
        charts_free(&c);
        return -1;
    }
    read_optional(&c.samples, dir, "samples.tsv");
    read_optional(&c.change, dir, "change.tsv");
    read_optional(&c.hyperfine, dir, "hyperfine.tsv");
    plan p = {calloc(3 * c.nfams + 8, sizeof(job)), 0, {{0}}, 0};
    char out[4096], path[4096];
    int rc = p.jobs ? 0 : -1;
    if (!p.jobs)
        snprintf(err, errlen, "out of memory");
    if (rc == 0)
        make_plan(&p, &c);
    if (rc == 0 && (hs_path(out, sizeof out, err, errlen, "%s/charts", dir) ||
                    hs_mkdirs(out, err, errlen)))
        rc = -1;
    for (size_t i = 0; rc == 0 && i < p.n; i++)
        if (hs_path(path, sizeof path, err, errlen, "%s/%s.tsv", out, p.jobs[i].chart) ||
            hs_atomic_write(path, fill_chart, &p.jobs[i], err, errlen))
            rc = -1;
    if (rc == 0 && (hs_path(path, sizeof path, err, errlen, "%s/plan.tsv", out) ||
                    hs_atomic_write(path, fill_plan, &p, err, errlen)))
        rc = -1;
    if (rc == 0)
        remove_stale(out, &p);
    free(p.jobs);
    charts_free(&c);
    return rc;
}
