/* From rounds to verdicts, and the run's outputs (compare.h). */
#include "compare.h"

#include "cpu/cache.h"
#include "cpu/cpu.h"
#include "stats.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static hs_options stats_options(const hc_options *o)
{
    return (hs_options){.noise = o->noise, .significance = 0.05, .fdr = o->fdr};
}

int hc_analyze(hc_run *run, const hc_options *o)
{
    double *p = malloc((run->n + 1) * sizeof *p), *q = malloc((run->n + 1) * sizeof *q);
    double *logs = NULL;
    int rc = p && q ? 0 : -1;
    for (size_t i = 0; i < run->n && rc == 0; i++) {
        hc_result *r = &run->res[i];
        size_t n = r->r.n;
        const uint64_t seed = hs_stream_seed(o->seed, r->name, "", "");
        free(logs);
        if (!(logs = malloc((n + 1) * sizeof *logs)))
            rc = -1;
        for (size_t k = 0; k < n && rc == 0; k++)
            logs[k] = log(r->r.ratio[k]);
        if (rc == 0 &&
            (hp_pair_ci_median(r->r.ns_a, &n, 1, 0.95, o->resamples, seed, &r->a) ||
             hp_pair_ci_median(r->r.ns_b, &n, 1, 0.95, o->resamples, seed + 1, &r->b) ||
             hp_pair_ci_median(r->r.ratio, &n, 1, 0.95, o->resamples, seed + 2, &r->ratio)))
            rc = -1;
        if (rc == 0)
            p[i] = r->p = hs_sign_test_p(logs, n);
    }
    free(logs);
    if (rc == 0 && o->fdr > 0 && hs_fdr_adjust(p, run->n, q) == SIZE_MAX)
        rc = -1;
    for (size_t i = 0; i < run->n && rc == 0; i++) {
        hc_result *r = &run->res[i];
        r->q = o->fdr > 0 ? q[i] : r->p;
        const hs_est change = {r->ratio.est - 1, r->ratio.lo - 1, r->ratio.hi - 1};
        r->verdict = hs_verdict(r->q, change, o->noise, o->fdr > 0 ? o->fdr : 0.05);
    }
    free(p);
    free(q);
    return rc;
}

#define IND "                        "

static void side(FILE *out, const char *label, hp_pair_ci t, const char *who)
{
    char a[48], m[48], c[48];
    fprintf(out, IND "%s%*s[%s %s %s] %s\n", label, (int)(8 - strlen(label)), "",
            hs_fmt_time(a, sizeof a, t.lo), hs_fmt_time(m, sizeof m, t.est),
            hs_fmt_time(c, sizeof c, t.hi), who);
}

void hc_print(FILE *out, const hc_run *run, const hc_options *o)
{
    const hs_options so = stats_options(o);
    hs_fdr_count c = {0};
    for (size_t i = 0; i < run->n; i++) {
        const hc_result *r = &run->res[i];
        fprintf(out, "%s\n", r->name);
        side(out, "A:", r->a, o->name_a);
        side(out, "B:", r->b, o->name_b);
        fprintf(out, IND "change: [%+.4f%% %+.4f%% %+.4f%%] (p = %.2g, q = %.2g; %u rounds)\n",
                100 * (r->ratio.lo - 1), 100 * (r->ratio.est - 1), 100 * (r->ratio.hi - 1),
                r->p, r->q, r->r.n);
        fprintf(out, IND "%s\n", hs_verdict_text(r->verdict));
        hs_fdr_count_verdict(&c, r->verdict, &so);
    }
    fputc('\n', out);
    if (run->nnotes) {
        fprintf(out, "Not compared (%zu):\n", run->nnotes);
        for (size_t i = 0; i < run->nnotes; i++)
            fprintf(out, "  %s\n", run->notes[i]);
    }
    fprintf(out, "A = %s\nB = %s\nchange = B/A - 1, median of the per-round ratios with its "
                 "95%% bootstrap interval; + is slower\n", o->name_a, o->name_b);
    size_t improved = 0, regressed = 0;
    for (size_t i = 0; i < run->n; i++) {
        improved += run->res[i].verdict == HS_VERDICT_IMPROVED;
        regressed += run->res[i].verdict == HS_VERDICT_REGRESSED;
    }
    fprintf(out, "%zu benchmarks: %zu improved, %zu regressed\n", run->n, improved, regressed);
    hs_print_fdr_summary(out, &c, &so, "");
}

size_t hc_regressions(const hc_run *run, const hc_options *o)
{
    size_t count = 0;
    const double level = o->fdr > 0 ? o->fdr : 0.05;
    for (size_t i = 0; i < run->n && !isnan(o->fail_pct); i++) {
        const hc_result *r = &run->res[i];
        if (r->q < level && r->ratio.lo - 1 > o->fail_pct) {
            fprintf(stderr, "hotpath-compare: regression beyond %g%%: %s %+.2f%% [%+.2f%% "
                            "%+.2f%%], q = %.2g\n", 100 * o->fail_pct, r->name,
                    100 * (r->ratio.est - 1), 100 * (r->ratio.lo - 1),
                    100 * (r->ratio.hi - 1), r->q);
            count++;
        }
    }
    return count;
}

/* Google Benchmark's JSON, one entry per round (run_type "iteration"), so
 * hotpath-stats reads each side like any run; B's entries also carry the
 * round's paired ratio B/A (hp_paired_ratio). */
static json_t *context(const hc_options *o, const char *side)
{
    char date[64], host[256] = "?", num[3][32];
    const time_t now = time(NULL);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S%z", localtime(&now));
    gethostname(host, sizeof host - 1);
    const hp_caches cs = hp_cache_sizes();
    snprintf(num[0], sizeof num[0], "%llu", (unsigned long long)cs.l1d);
    snprintf(num[1], sizeof num[1], "%llu", (unsigned long long)cs.l2);
    snprintf(num[2], sizeof num[2], "%llu", (unsigned long long)cs.l3);
    return json_pack("{ss ss ss ss ss ss ss ss ss ss ss ss}", "date", date, "host_name", host,
                     "hp_cpu_model", hp_cpu_model(), "hp_isa_cap", hp_cpu_cap_name(),
                     "hp_l1d_bytes", num[0], "hp_l2_bytes", num[1], "hp_l3_bytes", num[2],
                     "hp_cache_source", cs.source, "hp_compare_side", side,
                     "hp_compare_a", o->name_a, "hp_compare_b", o->name_b,
                     "hp_quick", o->quick ? "yes" : "no");
}

static json_t *side_json(const hc_run *run, const hc_options *o, int is_b)
{
    json_t *root = json_object(), *list = json_array();
    int bad = !root || !list || json_object_set_new(root, "context",
                                                    context(o, is_b ? "B" : "A"));
    for (size_t i = 0; i < run->n && !bad; i++) {
        const hc_result *r = &run->res[i];
        for (uint32_t k = 0; k < r->r.n && !bad; k++) {
            const double ns = is_b ? r->r.ns_b[k] : r->r.ns_a[k];
            json_t *e = json_pack("{ss ss ss si si sI sf sf ss}", "name", r->name, "run_name",
                                  r->name, "run_type", "iteration", "repetitions", (int)r->r.n,
                                  "repetition_index", (int)k, "iterations",
                                  (json_int_t)(is_b ? r->r.batch_b : r->r.batch_a),
                                  "real_time", ns, "cpu_time", ns, "time_unit", "ns");
            bad = !e;
            if (!bad && r->bytes)
                bad = json_object_set_new(e, "bytes_per_second",
                                          json_real((double)r->bytes / ns * 1e9));
            if (!bad && is_b)
                bad = json_object_set_new(e, "hp_paired_ratio", json_real(r->r.ratio[k]));
            if (!bad)
                bad = json_array_append_new(list, e);
        }
    }
    if (!bad && json_object_set_new(root, "benchmarks", list) == 0)
        return root;
    json_decref(root);
    return NULL;
}

static void dump(FILE *out, const void *root)
{
    json_dumpf((const json_t *)root, out, JSON_INDENT(1));
    fputc('\n', out);
}

typedef struct tsv_arg {
    const hc_run *run;
} tsv_arg;

static void tsv(FILE *out, const void *arg)
{
    const hc_run *run = ((const tsv_arg *)arg)->run;
    fputs("name\ta_ns\ta_lo\ta_hi\tb_ns\tb_lo\tb_hi\tchange_pct\tchange_lo\tchange_hi\trounds"
          "\tp\tq\tverdict\n", out);
    for (size_t i = 0; i < run->n; i++) {
        const hc_result *r = &run->res[i];
        fprintf(out, "%s\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.4f\t%.4f\t%.4f\t%u\t%.4g\t%.4g\t%s\n",
                r->name, r->a.est, r->a.lo, r->a.hi, r->b.est, r->b.lo, r->b.hi,
                100 * (r->ratio.est - 1), 100 * (r->ratio.lo - 1), 100 * (r->ratio.hi - 1),
                r->r.n, r->p, r->q,
                r->verdict == HS_VERDICT_IMPROVED    ? "improved"
                : r->verdict == HS_VERDICT_REGRESSED ? "regressed"
                : r->verdict == HS_VERDICT_NOISE     ? "noise"
                                                     : "no_change");
    }
}

int hc_write(const hc_run *run, const hc_options *o, char *err, size_t len)
{
    char path[4096];
    const tsv_arg t = {run};
    if (run->n == 0) {
        snprintf(err, len, "no benchmark measured in both builds: nothing written");
        return -1;
    }
    for (int is_b = 0; is_b < 2; is_b++) {
        json_t *root = side_json(run, o, is_b);
        if (!root) {
            snprintf(err, len, "out of memory for the JSON of build %s", is_b ? "B" : "A");
            return -1;
        }
        int rc = hs_path(path, sizeof path, err, len, "%s%s.json", o->out, is_b ? "" : "-A");
        if (rc == 0)
            rc = hs_atomic_write(path, dump, root, err, len);
        json_decref(root);
        if (rc)
            return -1;
    }
    if (hs_path(path, sizeof path, err, len, "%s-compare.tsv", o->out) ||
        hs_atomic_write(path, tsv, &t, err, len))
        return -1;
    return 0;
}
