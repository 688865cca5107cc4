/* Milestone 7's derived figures (bench/bench_cpu_effects.cc): from the
 * per-repetition counters of a run (ns_per_*, tsc_per_*), the median and
 * [min, max] over the repetitions of branch_sum's cost per misprediction,
 * pointer_chase's load latency per working set with the cache level it
 * fits, gather_sum's sequential against shuffled order, and the ILP
 * regimes.  Here: reading the runs and their statistics; the text report
 * of `make cpu-effects-report` (hotpath-stats --cpu-effects FILE) is in
 * cpu_effects_report.c, the tables (tables/effects-*.tsv) in
 * cpu_effects_tables.c. */
#include "cpu_effects.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const counter[HS_NCOUNTERS] = {"ns_per_elem",  "tsc_per_elem", "ns_per_load",
                                                  "tsc_per_load", "ns_per_op",    "tsc_per_op"};

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

hs_stat3 hs_effects_stat(const hs_erun *r, int c)
{
    hs_stat3 s = {0, NAN, NAN, NAN};
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

void hs_effects_free(hs_eruns *rs)
{
    for (size_t i = 0; i < rs->n; i++) {
        free(rs->r[i].variant);
        free(rs->r[i].extra);
        for (int c = 0; c < HS_NCOUNTERS; c++)
            free(rs->r[i].v[c]);
    }
    free(rs->r);
    memset(rs, 0, sizeof *rs);
}

static int is_m7(const char *name)
{
    static const char *const fam[] = {"branch_sum/", "pointer_chase/", "gather_sum/", "ilp_imul/",
                                      "ilp_fma/"};
    for (int i = 0; i < 5; i++)
        if (strncmp(name, fam[i], strlen(fam[i])) == 0)
            return 1;
    return 0;
}

/* Milestone 7's iteration entries of one Google Benchmark file; 0, or -1
 * when out of memory. */
int hs_effects_collect(hs_eruns *rs, json_t *root)
{
    memset(rs, 0, sizeof *rs);
    rs->ctx = json_object_get(root, "context");
    json_t *list = json_object_get(root, "benchmarks"), *b;
    size_t i;
    json_array_foreach(list, i, b)
    {
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
            hs_erun *g = realloc(rs->r, (rs->n + 1) * sizeof *g);
            if (!g)
                return -1;
            rs->r = g;
            hs_erun *r = &rs->r[rs->n++];
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
        hs_erun *r = &rs->r[k];
        r->reps++;
        for (int c = 0; c < HS_NCOUNTERS; c++) {
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

size_t hs_effects_select(const hs_eruns *rs, const char *prefix, const char *suffix,
                         const hs_erun **out)
{
    size_t n = 0;
    for (size_t i = 0; i < rs->n; i++) {
        const hs_erun *r = &rs->r[i];
        const size_t len = strlen(r->name), sl = suffix ? strlen(suffix) : 0;
        if (strncmp(r->name, prefix, strlen(prefix)) != 0 ||
            (suffix && (len < sl || strcmp(r->name + len - sl, suffix) != 0)))
            continue;
        size_t j = n++;
        for (; j > 0; j--) {
            const hs_erun *p = out[j - 1];
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

static const hs_erun *find_run(const hs_eruns *rs, const char *name)
{
    for (size_t i = 0; i < rs->n; i++)
        if (strcmp(rs->r[i].name, name) == 0)
            return &rs->r[i];
    return NULL;
}

const hs_erun *hs_effects_sibling(const hs_eruns *rs, const hs_erun *r, const char *from,
                                  const char *to)
{
    char name[512];
    const size_t len = strlen(r->name), fl = strlen(from);
    if (len < fl || len - fl + strlen(to) >= sizeof name)
        return NULL;
    snprintf(name, sizeof name, "%.*s%s", (int)(len - fl), r->name, to);
    return find_run(rs, name);
}

static double ctx_num(const hs_eruns *rs, const char *key)
{
    const char *s = json_string_value(json_object_get(rs->ctx, key));
    return s ? strtod(s, NULL) : 0;
}

const char *hs_effects_level(const hs_eruns *rs, double bytes)
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

void hs_effects_kib(char *dst, size_t len, double b)
{
    const unsigned long long u = (unsigned long long)b;
    if (u >= 1ULL << 20 && u % (1ULL << 20) == 0)
        snprintf(dst, len, "%llu MiB", u >> 20);
    else if (u >= 1ULL << 20)
        snprintf(dst, len, "%.1f MiB", b / 1048576);
    else
        snprintf(dst, len, "%llu KiB", u >> 10);
}
