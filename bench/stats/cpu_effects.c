/* Milestone 7's derived figures (bench/bench_cpu_effects.cc): from the
 * per-repetition counters of a run (ns_per_*, tsc_per_*), the median and
 * [min, max] over the repetitions of branch_sum's cost per misprediction,
 * pointer_chase's load latency per working set with the cache level it
 * fits, gather_sum's sequential against shuffled order, and the ILP
 * regimes.  As tables (tables/effects-*.tsv) and as the text report of
 * `make cpu-effects-report` (hotpath-stats --cpu-effects FILE). */
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { NS_ELEM, TSC_ELEM, NS_LOAD, TSC_LOAD, NS_OP, TSC_OP, NCOUNTERS };
static const char *const counter[NCOUNTERS] = {"ns_per_elem", "tsc_per_elem", "ns_per_load",
                                               "tsc_per_load", "ns_per_op", "tsc_per_op"};

typedef struct run {
    const char *name;      /* run_name (owned by the JSON) */
    char *variant, *extra;
    double size;
    double *v[NCOUNTERS];
    size_t n[NCOUNTERS], reps;
} run;

typedef struct runs {
    run *r;
    size_t n;
    json_t *ctx;
} runs;

typedef struct stat3 {
    int ok;
    double med, lo, hi;
} stat3;

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static stat3 stat_of(const run *r, int c)
{
    stat3 s = {0, NAN, NAN, NAN};
    if (!r || r->n[c] == 0)
        return s;
    qsort(r->v[c], r->n[c], sizeof(double), cmp_double);
    const size_t n = r->n[c];
    s.ok = 1;
    s.med = n % 2 ? r->v[c][n / 2] : (r->v[c][n / 2 - 1] + r->v[c][n / 2]) / 2;
    s.lo = r->v[c][0];
    s.hi = r->v[c][n - 1];
    return s;
}

static void free_runs(runs *rs)
{
    for (size_t i = 0; i < rs->n; i++) {
        free(rs->r[i].variant);
        free(rs->r[i].extra);
        for (int c = 0; c < NCOUNTERS; c++)
            free(rs->r[i].v[c]);
    }
    free(rs->r);
    memset(rs, 0, sizeof *rs);
}

static int is_m7(const char *name)
{
    static const char *const fam[] = {"branch_sum/", "pointer_chase/", "gather_sum/",
                                      "ilp_imul/", "ilp_fma/"};
    for (int i = 0; i < 5; i++)
        if (strncmp(name, fam[i], strlen(fam[i])) == 0)
            return 1;
    return 0;
}

/* Milestone 7's iteration entries of one Google Benchmark file; 0, or -1
 * when out of memory. */
static int collect(runs *rs, json_t *root)
{
    memset(rs, 0, sizeof *rs);
    rs->ctx = json_object_get(root, "context");
    json_t *list = json_object_get(root, "benchmarks"), *b;
    size_t i;
    json_array_foreach(list, i, b) {
        json_t *nm = json_object_get(b, "run_name");
        if (!json_is_string(nm))
            nm = json_object_get(b, "name");
        const char *type = json_string_value(json_object_get(b, "run_type"));
        if (!json_is_string(nm) || !type || strcmp(type, "iteration") != 0 ||
            json_is_true(json_object_get(b, "error_occurred")) || !is_m7(json_string_value(nm)))
            continue;
        const char *name = json_string_value(nm);
        size_t k = 0;
        while (k < rs->n && strcmp(rs->r[k].name, name) != 0)
            k++;
        if (k == rs->n) {
            run *g = realloc(rs->r, (rs->n + 1) * sizeof *g);
            if (!g)
                return -1;
            rs->r = g;
            run *r = &rs->r[rs->n++];
            memset(r, 0, sizeof *r);
            r->name = name;
            hs_bench parts = {0};
            if (hs_split_name(&parts, name) != 0)
                return -1;
            r->variant = parts.variant;
            r->extra = parts.extra;
            r->size = strtod(parts.size, NULL);
            free(parts.name);
            free(parts.family);
            free(parts.size);
        }
        run *r = &rs->r[k];
        r->reps++;
        for (int c = 0; c < NCOUNTERS; c++) {
            json_t *v = json_object_get(b, counter[c]);
            if (!json_is_number(v))
                continue;
            double *g = realloc(r->v[c], (r->n[c] + 1) * sizeof *g);
            if (!g)
                return -1;
            r->v[c] = g;
            g[r->n[c]++] = json_number_value(v);
        }
    }
    return 0;
}

/* The runs under prefix (family/), by variant, then size, then name. */
static size_t select_runs(const runs *rs, const char *prefix, const char *suffix, const run **out)
{
    size_t n = 0;
    for (size_t i = 0; i < rs->n; i++) {
        const run *r = &rs->r[i];
        const size_t len = strlen(r->name), sl = suffix ? strlen(suffix) : 0;
        if (strncmp(r->name, prefix, strlen(prefix)) != 0 ||
            (suffix && (len < sl || strcmp(r->name + len - sl, suffix) != 0)))
            continue;
        size_t j = n++;
        for (; j > 0; j--) {
            const run *p = out[j - 1];
            int c = strcmp(p->variant, r->variant);
            if (c == 0)
                c = p->size < r->size ? -1 : p->size > r->size ? 1 : strcmp(p->name, r->name);
            if (c <= 0)
                break;
            out[j] = out[j - 1];
        }
        out[j] = r;
    }
    return n;
}

static const run *find_run(const runs *rs, const char *name)
{
    for (size_t i = 0; i < rs->n; i++)
        if (strcmp(rs->r[i].name, name) == 0)
            return &rs->r[i];
    return NULL;
}

/* The run named like r with its last part replaced: .../random -> .../sorted. */
static const run *sibling(const runs *rs, const run *r, const char *from, const char *to)
{
    char name[512];
    const size_t len = strlen(r->name), fl = strlen(from);
    if (len < fl || len - fl + strlen(to) >= sizeof name)
        return NULL;
    snprintf(name, sizeof name, "%.*s%s", (int)(len - fl), r->name, to);
    return find_run(rs, name);
}

static double ctx_num(const runs *rs, const char *key)
{
    const char *s = json_string_value(json_object_get(rs->ctx, key));
    return s ? strtod(s, NULL) : 0;
}

static const char *level(const runs *rs, double bytes)
{
    static const char *const name[] = {"L1d", "L2", "L3"};
    static const char *const key[] = {"hp_l1d_bytes", "hp_l2_bytes", "hp_l3_bytes"};
    for (int i = 0; i < 3; i++) {
        const double size = ctx_num(rs, key[i]);
        if (size > 0 && bytes <= size)
            return name[i];
    }
    return ctx_num(rs, "hp_l3_bytes") > 0 ? "DRAM" : "?";
}

static void kib(char *dst, size_t len, double b)
{
    const unsigned long long u = (unsigned long long)b;
    if (u >= 1ULL << 20 && u % (1ULL << 20) == 0)
        snprintf(dst, len, "%llu MiB", u >> 20);
    else if (u >= 1ULL << 20)
        snprintf(dst, len, "%.1f MiB", b / 1048576);
    else
        snprintf(dst, len, "%llu KiB", u >> 10);
}

static const char *fmt3(char *dst, size_t len, stat3 s, int digits)
{
    if (!s.ok)
        snprintf(dst, len, "-");
    else
        snprintf(dst, len, "%.*f [%.*f, %.*f]", digits, s.med, digits, s.lo, digits, s.hi);
    return dst;
}

/* A median, min and max as three table fields ("-" when absent). */
static void tsv3(FILE *out, stat3 s)
{
    if (s.ok)
        fprintf(out, "\t%.6g\t%.6g\t%.6g", s.med, s.lo, s.hi);
    else
        fputs("\t-\t-\t-", out);
}

/* ---- the report ---- */

static void report(FILE *out, const runs *rs, const char *path)
{
    const run **sel = calloc(rs->n + 1, sizeof *sel);
    if (!sel)
        return;
    size_t reps = 0;
    for (size_t i = 0; i < rs->n; i++)
        if (rs->r[i].reps > reps)
            reps = rs->r[i].reps;
    const char *model = json_string_value(json_object_get(rs->ctx, "hp_cpu_model"));
    fprintf(out, "cpu effects: %s (median [min, max] of %zu repetition(s); %s; TSC = time-stamp "
                 "counter cycles, constant rate)\n", path, reps, model ? model : "?");
    char a[96], b[96], lab[160], cost[96];
    size_t n = select_runs(rs, "branch_sum/", "/random", sel);
    if (n) {
        fputs("\nbranch prediction: branch_sum, bytes in [0,256) > 127, ns per element\n", out);
        fprintf(out, "  %-28s %24s %24s   cost per misprediction\n", "variant/n", "random", "sorted");
    }
    for (size_t i = 0; i < n; i++) {
        const run *s = sibling(rs, sel[i], "random", "sorted");
        const stat3 r = stat_of(sel[i], NS_ELEM), so = stat_of(s, NS_ELEM);
        const stat3 rt = stat_of(sel[i], TSC_ELEM), st = stat_of(s, TSC_ELEM);
        cost[0] = '\0';
        if (r.ok && so.ok) { /* random data mispredicts about half the branches, sorted almost none */
            int k = snprintf(cost, sizeof cost, "%6.2f ns", (r.med - so.med) / 0.5);
            if (rt.ok && st.ok)
                snprintf(cost + k, sizeof cost - (size_t)k, " = %5.1f TSC cycles", (rt.med - st.med) / 0.5);
        }
        snprintf(lab, sizeof lab, "%s/%.0f", sel[i]->variant, sel[i]->size);
        fprintf(out, "  %-28s %24s %24s   %s\n", lab, fmt3(a, sizeof a, r, 3), fmt3(b, sizeof b, so, 3), cost);
    }
    n = select_runs(rs, "pointer_chase/", NULL, sel);
    if (n) {
        fputs("\ncache locality: pointer_chase, one dependent load per cache line\n", out);
        fprintf(out, "  %-12s %-5s %26s %26s\n", "working set", "level", "ns per load", "TSC cycles per load");
    }
    for (size_t i = 0; i < n; i++) {
        kib(lab, sizeof lab, sel[i]->size);
        fprintf(out, "  %-12s %-5s %26s %26s\n", lab, level(rs, sel[i]->size),
                fmt3(a, sizeof a, stat_of(sel[i], NS_LOAD), 2), fmt3(b, sizeof b, stat_of(sel[i], TSC_LOAD), 1));
    }
    n = select_runs(rs, "gather_sum/", "/seq", sel);
    if (n) {
        fputs("\ncache locality: gather_sum, the same array summed in order and shuffled, ns per element\n", out);
        fprintf(out, "  %10s %10s %-5s %24s %24s %7s\n", "elements", "touched", "level", "sequential", "random", "ratio");
    }
    for (size_t i = 0; i < n; i++) {
        const stat3 q = stat_of(sel[i], NS_ELEM), r = stat_of(sibling(rs, sel[i], "seq", "random"), NS_ELEM);
        char ratio[32] = "-", tch[32];
        if (q.ok && r.ok && q.med > 0)
            snprintf(ratio, sizeof ratio, "%6.1fx", r.med / q.med);
        kib(tch, sizeof tch, 8 * sel[i]->size);
        fprintf(out, "  %10.0f %10s %-5s %24s %24s %7s\n", sel[i]->size, tch, level(rs, 8 * sel[i]->size),
                fmt3(a, sizeof a, q, 3), fmt3(b, sizeof b, r, 3), ratio);
    }
    static const char *const ilp[] = {"ilp_imul", "ilp_fma"};
    for (int f = 0; f < 2; f++) {
        char prefix[32];
        snprintf(prefix, sizeof prefix, "%s/", ilp[f]);
        n = select_runs(rs, prefix, NULL, sel);
        if (!n)
            continue;
        fprintf(out, "\ninstruction-level parallelism: %s, 8 chains, K in flight\n", ilp[f]);
        fprintf(out, "  %-10s %26s %10s %26s\n", "variant", "ns per op", "ops per ns", "TSC cycles per op");
        for (size_t i = 0; i < n; i++) {
            const stat3 s = stat_of(sel[i], NS_OP);
            char ops[32] = "-";
            if (s.ok && s.med > 0)
                snprintf(ops, sizeof ops, "%.2f", 1 / s.med);
            fprintf(out, "  %-10s %26s %10s %26s\n", sel[i]->variant, fmt3(a, sizeof a, s, 3), ops,
                    fmt3(b, sizeof b, stat_of(sel[i], TSC_OP), 2));
        }
    }
    free(sel);
}

int hs_cpu_effects_report(FILE *out, const char *path, char *err, size_t errlen)
{
    hs_set set = {0};
    if (hs_read_file(&set, path, err, errlen) != 0) {
        hs_set_free(&set);
        return -1;
    }
    runs rs;
    int rc = 0;
    if (set.nf && set.f[0]->kind == HS_KIND_GBENCH) {
        if (collect(&rs, set.f[0]->root) != 0) {
            snprintf(err, errlen, "out of memory");
            rc = -1;
        } else if (rs.n) {
            report(out, &rs, path);
        }
        free_runs(&rs);
    }
    hs_set_free(&set);
    return rc;
}

/* ---- the tables ---- */

typedef struct targ {
    const runs *rs;
    int which;
} targ;

static void fill_effects(FILE *out, const void *p)
{
    const targ *t = p;
    const runs *rs = t->rs;
    const run **sel = calloc(rs->n + 1, sizeof *sel);
    if (!sel)
        return;
    size_t n;
    switch (t->which) {
    case 0:
        fputs("variant\tsize\trandom_ns\trandom_min\trandom_max\tsorted_ns\tsorted_min\tsorted_max\t"
              "mispredict_ns\tmispredict_tsc\n", out);
        n = select_runs(rs, "branch_sum/", "/random", sel);
        for (size_t i = 0; i < n; i++) {
            const run *s = sibling(rs, sel[i], "random", "sorted");
            const stat3 r = stat_of(sel[i], NS_ELEM), so = stat_of(s, NS_ELEM);
            const stat3 rt = stat_of(sel[i], TSC_ELEM), st = stat_of(s, TSC_ELEM);
            fprintf(out, "%s\t%.0f", sel[i]->variant, sel[i]->size);
            tsv3(out, r);
            tsv3(out, so);
            if (r.ok && so.ok)
                fprintf(out, "\t%.6g", (r.med - so.med) / 0.5);
            else
                fputs("\t-", out);
            if (rt.ok && st.ok)
                fprintf(out, "\t%.6g\n", (rt.med - st.med) / 0.5);
            else
                fputs("\t-\n", out);
        }
        break;
    case 1:
        fputs("working_set\tlevel\tns_per_load\tns_min\tns_max\ttsc_per_load\ttsc_min\ttsc_max\n", out);
        n = select_runs(rs, "pointer_chase/", NULL, sel);
        for (size_t i = 0; i < n; i++) {
            fprintf(out, "%.0f\t%s", sel[i]->size, level(rs, sel[i]->size));
            tsv3(out, stat_of(sel[i], NS_LOAD));
            tsv3(out, stat_of(sel[i], TSC_LOAD));
            fputc('\n', out);
        }
        break;
    case 2:
        fputs("elements\ttouched\tlevel\tseq_ns\tseq_min\tseq_max\trandom_ns\trandom_min\trandom_max\t"
              "ratio\n", out);
        n = select_runs(rs, "gather_sum/", "/seq", sel);
        for (size_t i = 0; i < n; i++) {
            const stat3 q = stat_of(sel[i], NS_ELEM), r = stat_of(sibling(rs, sel[i], "seq", "random"), NS_ELEM);
            fprintf(out, "%.0f\t%.0f\t%s", sel[i]->size, 8 * sel[i]->size, level(rs, 8 * sel[i]->size));
            tsv3(out, q);
            tsv3(out, r);
            if (q.ok && r.ok && q.med > 0)
                fprintf(out, "\t%.6g\n", r.med / q.med);
            else
                fputs("\t-\n", out);
        }
        break;
    default:
        fputs("family\tvariant\tns_per_op\tns_min\tns_max\tops_per_ns\ttsc_per_op\ttsc_min\ttsc_max\n", out);
        for (int f = 0; f < 2; f++) {
            n = select_runs(rs, f ? "ilp_fma/" : "ilp_imul/", NULL, sel);
            for (size_t i = 0; i < n; i++) {
                const stat3 s = stat_of(sel[i], NS_OP);
                fprintf(out, "%s\t%s", f ? "ilp_fma" : "ilp_imul", sel[i]->variant);
                tsv3(out, s);
                if (s.ok && s.med > 0)
                    fprintf(out, "\t%.6g", 1 / s.med);
                else
                    fputs("\t-", out);
                tsv3(out, stat_of(sel[i], TSC_OP));
                fputc('\n', out);
            }
        }
    }
    free(sel);
}

int hs_write_cpu_effects(const hs_set *run, const char *dir, char *err, size_t errlen)
{
    static const char *const name[] = {"effects-branch.tsv", "effects-latency.tsv",
                                       "effects-gather.tsv", "effects-ilp.tsv"};
    static const char *const prefix[][2] = {{"branch_sum/", NULL}, {"pointer_chase/", NULL},
                                            {"gather_sum/", NULL}, {"ilp_imul/", "ilp_fma/"}};
    const hs_file *f = NULL;
    for (size_t i = 0; i < run->nf && !f; i++)
        if (run->f[i]->kind == HS_KIND_GBENCH)
            f = run->f[i];
    if (!f)
        return 0;
    runs rs;
    if (collect(&rs, f->root) != 0) {
        free_runs(&rs);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = 0;
    for (int w = 0; w < 4 && rc == 0; w++) {
        int any = 0;
        for (size_t i = 0; i < rs.n; i++)
            for (int p = 0; p < 2; p++)
                any |= prefix[w][p] && strncmp(rs.r[i].name, prefix[w][p], strlen(prefix[w][p])) == 0;
        char path[4096];
        if (!any)
            continue;
        const targ t = {&rs, w};
        rc = hs_path(path, sizeof path, err, errlen, "%s/%s", dir, name[w]);
        if (rc == 0)
            rc = hs_atomic_write(path, fill_effects, &t, err, errlen);
    }
    free_runs(&rs);
    return rc;
}
