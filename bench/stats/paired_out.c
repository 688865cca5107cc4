/* hotpath-stats: paired comparisons (paired.h) on the terminal, in the
 * Markdown summary and in paired.tsv and detection_limit.tsv. */
#include "paired.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FAIL(...)                              \
    do {                                       \
        snprintf(err, len, __VA_ARGS__);       \
        return -1;                             \
    } while (0)

/* s left-aligned in `width` columns: µ is two bytes but one column. */
static void padded(FILE *out, const char *s, int width)
{
    int cols = 0;
    for (const char *c = s; *c; c++)
        cols += ((unsigned char)*c & 0xC0) != 0x80;
    fputs(s, out);
    for (; cols < width; cols++)
        fputc(' ', out);
}

static void modes_text(char *buf, size_t len, const hp_pair_modes *m)
{
    buf[0] = '\0';
    if (m->n < 2)
        return;
    size_t w = (size_t)snprintf(buf, len, "%zu modes across processes:", m->n);
    for (size_t k = 0; k < m->n && w < len; k++)
        w += (size_t)snprintf(buf + w, len - w, " %.4f (%zu)", m->centre[k], m->procs[k]);
}

void hs_pairs_print_text(FILE *out, const hs_pairs *ps)
{
    if (ps->n == 0)
        return;
    fprintf(out, "\nPaired comparisons: B/A, median of per-round ratios with its 95%% interval "
                 "(bootstrap over %zu process(es), then rounds); below 1: B is faster\n",
            ps->procs);
    char ta[32], tb[32], modes[200];
    for (size_t i = 0; i < ps->n; i++) {
        const hs_pair *p = &ps->p[i];
        modes_text(modes, sizeof modes, &p->modes);
        fprintf(out, "  %-48s %.4f [%.4f %.4f]  A ", p->name, p->ci.est, p->ci.lo, p->ci.hi);
        padded(out, hs_fmt_time(ta, sizeof ta, p->a_ns), 10);
        fputs("  B ", out);
        padded(out, hs_fmt_time(tb, sizeof tb, p->b_ns), 10);
        fprintf(out, "  %zu rounds  q = %.2g%s%s\n", p->n, p->q, *modes ? "  " : "", modes);
    }
}

void hs_pairs_print_fdr(FILE *out, const hs_pairs *ps, const hs_options *o)
{
    hs_fdr_count c = {0};
    for (size_t i = 0; i < ps->n; i++) {
        const hs_pair *p = &ps->p[i];
        const hs_est change = {p->ci.est - 1, p->ci.lo - 1, p->ci.hi - 1};
        hs_fdr_count_verdict(&c, hs_verdict(p->q, change, o->noise,
                                            o->fdr > 0 ? o->fdr : o->significance), o);
    }
    hs_print_fdr_summary(out, &c, o, "Paired: ");
}

/* The calibration family's comparisons at one size: its A/A comparisons
 * (chain:chain, one per repeat) and its +5% ones (chain:chain105). */
#define HS_CALIB_REPEATS 64
typedef struct calib {
    unsigned long long size;
    const hs_pair *aa[HS_CALIB_REPEATS], *plus5[HS_CALIB_REPEATS];
    size_t n_aa, n_plus5;
    size_t aa_flagged, plus5_flagged; /* interval excludes 1 (+5%: above 1) */
    double ns, mde;  /* median A time per call; median detectable change */
} calib;

static size_t calibration_rows(const hs_pairs *ps, calib *rows, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < ps->n; i++) {
        const hs_pair *p = &ps->p[i];
        if (strcmp(p->family, "calibration") != 0 || strcmp(p->a, "chain") != 0)
            continue;
        const int aa = strcmp(p->b, "chain") == 0, plus5 = strcmp(p->b, "chain105") == 0;
        if (!aa && !plus5)
            continue;
        size_t k = 0;
        while (k < n && rows[k].size != p->size)
            k++;
        if (k == n) {
            if (n == max)
                continue;
            memset(&rows[n], 0, sizeof rows[n]);
            rows[n++].size = p->size;
        }
        calib *c = &rows[k];
        if (aa && c->n_aa < HS_CALIB_REPEATS) {
            c->aa[c->n_aa++] = p;
            c->aa_flagged += (size_t)hp_pair_changed(&p->ci);
        } else if (plus5 && c->n_plus5 < HS_CALIB_REPEATS) {
            c->plus5[c->n_plus5++] = p;
            c->plus5_flagged += p->ci.lo > 1;
        }
    }
    for (size_t k = 0; k < n; k++) {
        calib *c = &rows[k];
        double ns[2 * HS_CALIB_REPEATS], mde[HS_CALIB_REPEATS];
        size_t nn = 0;
        for (size_t i = 0; i < c->n_aa; i++) {
            ns[nn++] = c->aa[i]->a_ns;
            mde[i] = hp_pair_mde90(&c->aa[i]->ci);
        }
        for (size_t i = 0; i < c->n_plus5; i++)
            ns[nn++] = c->plus5[i]->a_ns;
        c->ns = hp_pair_median(ns, nn);
        c->mde = c->n_aa ? hp_pair_median(mde, c->n_aa) : NAN;
    }
    /* by size: time classes in order */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && rows[j - 1].size > rows[j].size; j--) {
            const calib t = rows[j];
            rows[j] = rows[j - 1];
            rows[j - 1] = t;
        }
    return n;
}

/* The median ratio over a row's repeats and the range of their intervals. */
static void spread(const hs_pair *const *p, size_t n, char *buf, size_t len)
{
    if (n == 0) {
        snprintf(buf, len, "-");
        return;
    }
    double est[HS_CALIB_REPEATS], lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        est[i] = p[i]->ci.est;
        lo = fmin(lo, p[i]->ci.lo);
        hi = fmax(hi, p[i]->ci.hi);
    }
    if (n == 1)
        snprintf(buf, len, "%.4f [%.4f %.4f]", est[0], lo, hi);
    else
        snprintf(buf, len, "%.4f, CIs in [%.4f %.4f]", hp_pair_median(est, n), lo, hi);
}

static calib rows_buf[32];

void hs_pairs_print_calibration(FILE *out, const hs_pairs *ps)
{
    const size_t n = calibration_rows(ps, rows_buf, 32);
    if (n == 0)
        return;
    fprintf(out, "\nDetection limit on this machine now (calibration: a dependent chain of N "
                 "single-cycle ops against itself, A/A, and against 1.05 N; 95%% intervals over "
                 "%zu process(es), then rounds)\n"
                 "  %-9s %-7s %-10s %-11s %-32s %-9s %-32s %s\n", ps->procs, "time/call", "ops",
            "A per call", "detectable", "A/A ratio", "A/A flags", "+5% ratio", "+5% flagged");
    size_t aa_n = 0, aa_flag = 0;
    char t[32], c1[80], c2[80], mde[16], f1[16], f2[16];
    for (size_t i = 0; i < n; i++) {
        const calib *c = &rows_buf[i];
        spread(c->aa, c->n_aa, c1, sizeof c1);
        spread(c->plus5, c->n_plus5, c2, sizeof c2);
        /* below the table's resolution: an A/A interval of zero width (the
         * chain's rounds can be identical to the ns) claims no more */
        if (!c->n_aa)
            snprintf(mde, sizeof mde, "-");
        else if (c->mde < 0.0001)
            snprintf(mde, sizeof mde, "<0.01%%");
        else
            snprintf(mde, sizeof mde, "%.2f%%", 100 * c->mde);
        snprintf(f1, sizeof f1, "%zu/%zu", c->aa_flagged, c->n_aa);
        snprintf(f2, sizeof f2, "%zu/%zu", c->plus5_flagged, c->n_plus5);
        aa_n += c->n_aa;
        aa_flag += c->aa_flagged;
        fprintf(out, "  %-9s %-7llu ", hp_pair_time_class(c->ns), c->size);
        padded(out, hs_fmt_time(t, sizeof t, c->ns), 10);
        fprintf(out, " %-11s %-32s %-9s %-32s %s\n", mde, c1, c->n_aa ? f1 : "-", c2,
                c->n_plus5 ? f2 : "-");
    }
    if (aa_n)
        fprintf(out, "  A/A false alarms: %zu of %zu comparisons (%.1f%%; the 95%% intervals "
                     "should exclude 1 in 5%%); detectable: the change found with 90%% power, "
                     "from the A/A intervals\n", aa_flag, aa_n, 100.0 * (double)aa_flag / (double)aa_n);
}

static void fill_paired(FILE *f, const void *arg)
{
    const hs_pairs *ps = arg;
    fputs("name\tfamily\ta\tb\tsize\tprocesses\trounds\tratio\tratio_lo\tratio_hi\tp\t"
          "a_ns\tb_ns\tmodes\n", f);
    for (size_t i = 0; i < ps->n; i++) {
        const hs_pair *p = &ps->p[i];
        fprintf(f, "%s\t%s\t%s\t%s\t%llu\t%zu\t%zu\t%.6g\t%.6g\t%.6g\t%.4g\t%.6g\t%.6g\t%zu\n",
                p->name, p->family, p->a, p->b, p->size, p->n_groups, p->n, p->ci.est,
                p->ci.lo, p->ci.hi, p->ci.p, p->a_ns, p->b_ns, p->modes.n);
    }
}

static void fill_calibration(FILE *f, const void *arg)
{
    const hs_pairs *ps = arg;
    const size_t n = calibration_rows(ps, rows_buf, 32);
    fputs("class\tops\ta_ns\tdetectable_pct\taa_comparisons\taa_flagged\t"
          "plus5_comparisons\tplus5_flagged\tplus5_median\n", f);
    for (size_t i = 0; i < n; i++) {
        const calib *c = &rows_buf[i];
        double est[HS_CALIB_REPEATS];
        for (size_t k = 0; k < c->n_plus5; k++)
            est[k] = c->plus5[k]->ci.est;
        fprintf(f, "%s\t%llu\t%.6g\t%.4g\t%zu\t%zu\t%zu\t%zu\t%.6g\n",
                hp_pair_time_class(c->ns), c->size, c->ns, 100 * c->mde, c->n_aa,
                c->aa_flagged, c->n_plus5, c->plus5_flagged,
                c->n_plus5 ? hp_pair_median(est, c->n_plus5) : NAN);
    }
}

int hs_pairs_write_tables(const hs_pairs *ps, const char *tables, char *err, size_t len)
{
    if (ps->n == 0)
        return 0;
    char path[4200];
    if (hs_path(path, sizeof path, err, len, "%s/paired.tsv", tables) ||
        hs_atomic_write(path, fill_paired, ps, err, len))
        return -1;
    if (calibration_rows(ps, rows_buf, 32) &&
        (hs_path(path, sizeof path, err, len, "%s/detection_limit.tsv", tables) ||
         hs_atomic_write(path, fill_calibration, ps, err, len)))
        return -1;
    return 0;
}

typedef struct md_arg {
    const char *before; /* the summary hs_write_outputs wrote */
    size_t len;
    const hs_pairs *ps;
} md_arg;

static void fill_markdown(FILE *f, const void *arg)
{
    const md_arg *a = arg;
    fwrite(a->before, 1, a->len, f);
    const hs_pairs *ps = a->ps;
    const size_t n = calibration_rows(ps, rows_buf, 32);
    fprintf(f, "\n## Paired comparisons\n\nB/A per round, median with its 95%% interval "
               "(bootstrap over %zu process(es), then rounds); below 1, B is faster.\n\n"
               "| comparison | ratio | 95%% interval | A per call | B per call | rounds | "
               "processes |\n|---|---|---|---|---|---|---|\n", ps->procs);
    char ta[32], tb[32], modes[200];
    for (size_t i = 0; i < ps->n; i++) {
        const hs_pair *p = &ps->p[i];
        modes_text(modes, sizeof modes, &p->modes);
        fprintf(f, "| `%s` | %.4f | [%.4f %.4f] | %s | %s | %zu | %zu%s%s |\n", p->name,
                p->ci.est, p->ci.lo, p->ci.hi, hs_fmt_time(ta, sizeof ta, p->a_ns),
                hs_fmt_time(tb, sizeof tb, p->b_ns), p->n, p->n_groups, *modes ? ", " : "",
                modes);
    }
    if (n == 0)
        return;
    fputs("\n## Detection limit\n\nThe calibration family: a dependent chain of N "
          "single-cycle ops against itself (A/A) and against 1.05 N. Detectable: the change "
          "found with 90% power, from the A/A intervals.\n\n"
          "| time/call | ops | A per call | detectable | A/A flagged | +5% flagged |\n"
          "|---|---|---|---|---|---|\n", f);
    size_t aa_n = 0, aa_flag = 0;
    for (size_t i = 0; i < n; i++) {
        const calib *c = &rows_buf[i];
        aa_n += c->n_aa;
        aa_flag += c->aa_flagged;
        char mde[16];
        snprintf(mde, sizeof mde, !c->n_aa ? "-" : c->mde < 0.0001 ? "<0.01%%" : "%.2f%%",
                 100 * c->mde);
        fprintf(f, "| %s | %llu | %s | %s | %zu/%zu | %zu/%zu |\n", hp_pair_time_class(c->ns),
                c->size, hs_fmt_time(ta, sizeof ta, c->ns), mde, c->aa_flagged, c->n_aa,
                c->plus5_flagged, c->n_plus5);
    }
    if (aa_n)
        fprintf(f, "\nA/A false alarms: %zu of %zu comparisons (expected 5%%).\n", aa_flag,
                aa_n);
}

int hs_pairs_append_markdown(const hs_pairs *ps, const char *md_path, char *err, size_t len)
{
    if (ps->n == 0)
        return 0;
    FILE *in = fopen(md_path, "rb");
    if (!in)
        FAIL("%s: cannot read it back", md_path);
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? 2 * cap : 65536;
            char *b = realloc(buf, cap);
            if (!b) {
                free(buf);
                fclose(in);
                FAIL("out of memory");
            }
            buf = b;
        }
        const size_t got = fread(buf + n, 1, cap - n, in);
        n += got;
        if (got == 0)
            break;
    }
    const int bad = ferror(in);
    fclose(in);
    if (bad) {
        free(buf);
        FAIL("%s: read error", md_path);
    }
    const md_arg a = {buf, n, ps};
    const int rc = hs_atomic_write(md_path, fill_markdown, &a, err, len);
    free(buf);
    return rc;
}

