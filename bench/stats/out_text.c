/* criterion-style terminal blocks: the full name at the start of a line,
 * every detail indented below it. */
#include "stats.h"

#include <math.h>
#include <string.h>

#define IND "                        "

/* Labels padded to criterion's 8 columns, and at least one space. */
static int pad(const char *label)
{
    const int len = (int)strlen(label);
    return len < 8 ? 8 - len : 1;
}

typedef const char *(*fmt_fn)(char *, size_t, double, int);

static const char *fmt_time(char *b, size_t l, double v, int u)
{
    (void)u;
    return hs_fmt_time(b, l, v);
}

static const char *fmt_x(char *b, size_t l, double v, int u)
{
    (void)u;
    return hs_fmt_num(b, l, v, "%.4fx");
}

static const char *fmt_pct(char *b, size_t l, double v, int u)
{
    (void)u;
    return hs_fmt_num(b, l, 100 * v, "%+.4f%%");
}

static void interval(FILE *out, const char *label, hs_est e, fmt_fn f, int unit)
{
    char a[48], b[48], c[48];
    if (isnan(e.lo))
        fprintf(out, IND "%s%*s[%s] (one sample: no interval)\n", label, pad(label), "",
                f(b, sizeof b, e.est, unit));
    else
        fprintf(out, IND "%s%*s[%s %s %s]\n", label, pad(label), "", f(a, sizeof a, e.lo, unit),
                f(b, sizeof b, e.est, unit), f(c, sizeof c, e.hi, unit));
}

static void ratio(FILE *out, const char *label, hs_est e, const hs_bench *other, const char *what,
                  int src, size_t rounds)
{
    char a[48], b[48], c[48], who[300];
    if (!other)
        return;
    if (other->file->kind == HS_KIND_HYPERFINE)
        snprintf(who, sizeof who, "`%s`", other->variant);
    else if (strcmp(other->extra, "-") == 0)
        snprintf(who, sizeof who, "%s/%s", other->family, other->variant);
    else /* the extra part says which one: the full name */
        snprintf(who, sizeof who, "%s", other->name);
    char from[64] = "";
    if (src == HS_SRC_PAIRED)
        snprintf(from, sizeof from, ", paired: %zu rounds", rounds);
    else if (src == HS_SRC_MEDIANS)
        snprintf(from, sizeof from, ", independent medians");
    if (isnan(e.lo))
        fprintf(out, IND "%s%*s[%s] vs %s (%s; one sample: no interval)%s\n", label, pad(label),
                "", fmt_x(b, sizeof b, e.est, 0), who, what, from);
    else
        fprintf(out, IND "%s%*s[%s %s %s] vs %s (%s)%s\n", label, pad(label), "",
                fmt_x(a, sizeof a, e.lo, 0), fmt_x(b, sizeof b, e.est, 0),
                fmt_x(c, sizeof c, e.hi, 0), who, what, from);
}

static void outliers(FILE *out, const hs_bench *b)
{
    const hs_outliers *o = &b->s.out;
    const size_t total = hs_outlier_count(o);
    if (total == 0)
        return;
    const double n = (double)b->n;
    fprintf(out, IND "Found %zu outliers among %zu measurements (%.2f%%)\n", total, b->n,
            100.0 * (double)total / n);
    const size_t c[4] = {o->low_severe, o->low_mild, o->high_mild, o->high_severe};
    static const char *const what[4] = {"low severe", "low mild", "high mild", "high severe"};
    for (int i = 0; i < 4; i++)
        if (c[i])
            fprintf(out, IND "  %zu (%.2f%%) %s\n", c[i], 100.0 * (double)c[i] / n, what[i]);
}

static void block(FILE *out, const hs_bench *b, int compared, int show_cap)
{
    char x[48], y[48];
    if (b->file->kind == HS_KIND_HYPERFINE)
        fprintf(out, "hyperfine/%s: %s\n", b->name, b->variant);
    else if (show_cap)
        fprintf(out, "%s (ISA cap %s)\n", b->name, b->cap);
    else
        fprintf(out, "%s\n", b->name);
    if (b->skip) {
        fprintf(out, IND "skipped: %s\n", b->skip);
        return;
    }
    interval(out, "time:", b->s.median, fmt_time, 0);
    if (b->unit != HS_THRPT_NONE)
        interval(out, "thrpt:", b->thrpt, hs_fmt_thrpt, b->unit);
    ratio(out, "speedup:", b->speedup, b->ref,
          b->file->kind == HS_KIND_HYPERFINE ? "first command" : "reference",
          b->file->kind == HS_KIND_HYPERFINE ? HS_SRC_NONE : b->speedup_src, b->speedup_rounds);
    ratio(out, "vs lib:", b->vs_peer, b->peer, "library", b->peer_src, b->peer_rounds);
    ratio(out, "vs lim:", b->vs_limit, b->limit, "limit", b->limit_src, b->limit_rounds);
    if (b->base) {
        char a[48], m[48], c[48];
        /* q: p adjusted over the run's comparisons (fdr.c), what the
         * verdict reads; the summary line names the level */
        if (isnan(b->change.lo))
            fprintf(out, IND "change: [%s] (p = %.2f, q = %.2f; one sample: no interval)\n",
                    fmt_pct(m, sizeof m, b->change.est, 0), b->p, b->q);
        else
            fprintf(out, IND "change: [%s %s %s] (p = %.2f, q = %.2f)\n",
                    fmt_pct(a, sizeof a, b->change.lo, 0), fmt_pct(m, sizeof m, b->change.est, 0),
                    fmt_pct(c, sizeof c, b->change.hi, 0), b->p, b->q);
        fprintf(out, IND "%s\n", hs_verdict_text(b->verdict));
    } else if (compared && b->file->kind == HS_KIND_GBENCH) {
        fprintf(out, IND "change: not in the baseline\n");
    }
    if (b->n >= 2) {
        interval(out, "mean:", b->s.mean, fmt_time, 0);
        interval(out, "std dev:", b->s.sd, fmt_time, 0);
        interval(out, "MAD:", b->s.mad, fmt_time, 0);
    }
    outliers(out, b);
    if (b->s.modes.state == HS_MODES_TWO)
        fprintf(out, IND "bimodal: two modes, %s (%zu of %zu) and %s (%zu of %zu): "
                         "no single number describes both\n",
                hs_fmt_time(x, sizeof x, b->s.modes.lo), b->s.modes.n_lo, b->n,
                hs_fmt_time(y, sizeof y, b->s.modes.hi), b->s.modes.n_hi, b->n);
}

void hs_print_text(FILE *out, const hs_set *run, int compared)
{
    int show_cap = 0; /* several caps: say which one each block is */
    const char *cap = NULL;
    for (size_t i = 0; i < run->n; i++)
        if (run->b[i].file->kind == HS_KIND_GBENCH) {
            if (cap && strcmp(cap, run->b[i].cap) != 0)
                show_cap = 1;
            cap = run->b[i].cap;
        }
    for (size_t i = 0; i < run->n; i++)
        block(out, &run->b[i], compared, show_cap);
}
