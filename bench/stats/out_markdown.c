/* The Markdown summary (results/<run>.md): one table per family. */
#include "stats.h"

#include <math.h>
#include <string.h>

/* A context value of the first Google Benchmark file, or "?". */
const char *hs_context(const hs_set *run, const char *key)
{
    for (size_t i = 0; i < run->nf; i++)
        if (run->f[i]->kind == HS_KIND_GBENCH) {
            json_t *ctx = json_object_get(run->f[i]->root, "context");
            const char *v = json_string_value(json_object_get(ctx, key));
            return v ? v : "?";
        }
    return "?";
}

/* Text for a table cell: '|' would end the cell (hyperfine commands are
 * shell pipelines), newlines the row. */
static const char *cell_text(char *buf, size_t len, const char *s)
{
    size_t i = 0;
    for (; *s && i + 2 < len; s++) {
        if (*s == '|')
            buf[i++] = '\\';
        buf[i++] = *s == '\n' || *s == '\r' ? ' ' : *s;
    }
    buf[i] = '\0';
    return buf;
}

static const char *cell_est(char *buf, size_t len, hs_est e, const char *fmt)
{
    char a[32], b[32], c[32];
    if (isnan(e.est))
        return "-";
    if (isnan(e.lo))
        snprintf(buf, len, "%s", hs_fmt_num(b, sizeof b, e.est, fmt));
    else
        snprintf(buf, len, "%s [%s, %s]", hs_fmt_num(b, sizeof b, e.est, fmt),
                 hs_fmt_num(a, sizeof a, e.lo, fmt), hs_fmt_num(c, sizeof c, e.hi, fmt));
    return buf;
}

/* A ratio column's cell and where it comes from: (p) the paired
 * comparison, (m) independent medians (the statistics line says so). */
static const char *cell_ratio(char *buf, size_t len, hs_est e, int src)
{
    char v[96];
    if (isnan(e.est))
        return "-";
    snprintf(buf, len, "%s%s", cell_est(v, sizeof v, e, "%.3gx"),
             src == HS_SRC_PAIRED ? " (p)" : src == HS_SRC_MEDIANS ? " (m)" : "");
    return buf;
}

static const char *cell_time(char *buf, size_t len, hs_est e)
{
    char a[32], b[32], c[32];
    if (isnan(e.lo))
        snprintf(buf, len, "%s", hs_fmt_time(b, sizeof b, e.est));
    else
        snprintf(buf, len, "%s [%s, %s]", hs_fmt_time(b, sizeof b, e.est),
                 hs_fmt_time(a, sizeof a, e.lo), hs_fmt_time(c, sizeof c, e.hi));
    return buf;
}

static void row(FILE *out, const hs_bench *b)
{
    char t[128], th[48], s[96], p[96], l[96], m[96];
    if (b->skip) {
        char why[512];
        fprintf(out, "| `%s` | %s | %s | skipped: %s | | | | | | | |\n", b->name, b->stage,
                b->cap, cell_text(why, sizeof why, b->skip));
        return;
    }
    const hs_outliers *o = &b->s.out;
    if (b->s.modes.state == HS_MODES_TWO) {
        char x[32], y[32];
        snprintf(m, sizeof m, "**bimodal**: %s (%zu), %s (%zu)",
                 hs_fmt_time(x, sizeof x, b->s.modes.lo), b->s.modes.n_lo,
                 hs_fmt_time(y, sizeof y, b->s.modes.hi), b->s.modes.n_hi);
    } else {
        snprintf(m, sizeof m, "%s", b->s.modes.state == HS_MODES_ONE ? "one" : "-");
    }
    const hs_est none = {NAN, NAN, NAN};
    fprintf(out, "| `%s` | %s | %s | %zu | %s | %s | %s | %s | %s | %s | %.0f%% | %s |\n",
            b->name, b->stage, b->cap, b->n, cell_time(t, sizeof t, b->s.median),
            hs_fmt_thrpt(th, sizeof th, b->thrpt.est, b->unit),
            cell_ratio(s, sizeof s, b->ref ? b->speedup : none, b->speedup_src),
            cell_ratio(p, sizeof p, b->peer ? b->vs_peer : none, b->peer_src),
            cell_ratio(l, sizeof l, b->limit ? b->vs_limit : none, b->limit_src),
            hs_cache_level(b),
            b->n ? 100.0 * (double)hs_outlier_count(o) / (double)b->n : 0.0, m);
}

static void family_table(FILE *out, const hs_set *run, const char *family)
{
    fprintf(out, "\n## %s\n\n", family);
    fputs("| benchmark | stage | cap | n | time: median [95% CI] | throughput | vs reference "
          "| vs library | vs limit | cache | outliers | modes |\n"
          "|---|---|---|--:|---|--:|---|---|---|---|--:|---|\n", out);
    for (size_t i = 0; i < run->n; i++)
        if (run->b[i].file->kind == HS_KIND_GBENCH && strcmp(run->b[i].family, family) == 0)
            row(out, &run->b[i]);
}

static void changes(FILE *out, const hs_set *run, const char *baseline, const hs_options *o)
{
    fprintf(out, "\n## Change against baseline `%s`\n\n", baseline);
    const hs_fdr_count fc = hs_fdr_summary(run, o);
    hs_print_fdr_summary(out, &fc, o, "");
    fputc('\n', out);
    fputs("| benchmark | cap | change [95% CI] | p (Mann-Whitney U) | q (BH) | verdict |\n"
          "|---|---|---|--:|--:|---|\n", out);
    for (size_t i = 0; i < run->n; i++) {
        const hs_bench *b = &run->b[i];
        if (!b->base)
            continue;
        const hs_est c = {100 * b->change.est, 100 * b->change.lo, 100 * b->change.hi};
        char buf[96];
        fprintf(out, "| `%s` | %s | %s%% | %.2f | %.2f | %s |\n", b->name, b->cap,
                cell_est(buf, sizeof buf, c, "%+.2f"), b->p, b->q, hs_verdict_text(b->verdict));
    }
}

static void hyperfine(FILE *out, const hs_set *run)
{
    int any = 0;
    for (size_t i = 0; i < run->n; i++) {
        const hs_bench *b = &run->b[i];
        if (b->file->kind != HS_KIND_HYPERFINE)
            continue;
        if (!any++)
            fputs("\n## Whole programs (hyperfine)\n\n"
                  "| group | command | n | time: median [95% CI] | mean [95% CI] "
                  "| vs first command |\n|---|---|--:|---|---|---|\n", out);
        char t[128], m[128], r[96], cmd[1024];
        fprintf(out, "| %s | `%s` | %zu | %s | %s | %s |\n", b->name,
                cell_text(cmd, sizeof cmd, b->variant), b->n,
                cell_time(t, sizeof t, b->s.median), cell_time(m, sizeof m, b->s.mean),
                cell_est(r, sizeof r, b->speedup, "%.3gx"));
    }
}

void hs_print_markdown(FILE *out, const hs_set *run, const char *baseline, const hs_options *o)
{
    fprintf(out, "# hotpath results\n\n");
    fprintf(out, "- CPU: %s; caches L1d %s, L2 %s, L3 %s bytes (%s)\n",
            hs_context(run, "hp_cpu_model"), hs_context(run, "hp_l1d_bytes"),
            hs_context(run, "hp_l2_bytes"), hs_context(run, "hp_l3_bytes"),
            hs_context(run, "hp_cache_source"));
    fprintf(out, "- date %s, host %s, commit %s\n", hs_context(run, "date"),
            hs_context(run, "host_name"), hs_context(run, "hp_commit"));
    fputs("- files:", out);
    for (size_t i = 0; i < run->nf; i++)
        fprintf(out, " `%s`%s", run->f[i]->path,
                run->f[i]->kind == HS_KIND_GBENCH      ? ""
                : run->f[i]->kind == HS_KIND_HYPERFINE ? " (hyperfine)"
                                                       : " (instructions)");
    fprintf(out, "\n- statistics: hotpath-stats, bootstrap 95%% intervals from %zu resamples "
                 "(seed %llu); times are medians of the repetitions; ratios are the other "
                 "time / this time (above 1 is faster): (p) the median of the per-round "
                 "ratios of the paired comparison of the two, with its bootstrap interval, "
                 "(m) the ratio of independent medians where the run has no such pair\n",
            o->resamples, (unsigned long long)o->seed);

    for (size_t i = 0; i < run->n; i++) {
        const hs_bench *b = &run->b[i];
        size_t k = 0; /* a family's table comes where it first appears */
        while (k < i && (run->b[k].file->kind != HS_KIND_GBENCH ||
                         strcmp(run->b[k].family, b->family) != 0))
            k++;
        if (b->file->kind == HS_KIND_GBENCH && k == i)
            family_table(out, run, b->family);
    }
    if (baseline && run->n)
        changes(out, run, baseline, o);
    hyperfine(out, run);
    hs_print_icount_markdown(out, run, baseline);
}
