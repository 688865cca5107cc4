/* Google Benchmark JSON: the per-repetition entries (run_type "iteration")
 * are the samples; aggregates (mean, median, ...) are ignored, since every
 * statistic is recomputed from the samples; error rows (error_occurred)
 * are skipped benchmarks with their reason. */
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FAIL(...)                                \
    do {                                         \
        snprintf(err, errlen, __VA_ARGS__);      \
        return -1;                               \
    } while (0)

static double context_bytes(json_t *ctx, const char *key)
{
    const char *s = json_string_value(json_object_get(ctx, key));
    if (!s)
        return 0;
    char *end;
    const double v = strtod(s, &end);
    return end != s && *end == '\0' && v > 0 ? v : 0;
}

static int time_scale(const char *unit, double *scale)
{
    static const struct {
        const char *name;
        double ns;
    } units[] = {{"ns", 1}, {"us", 1e3}, {"ms", 1e6}, {"s", 1e9}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(unit, units[i].name) == 0) {
            *scale = units[i].ns;
            return 0;
        }
    return -1;
}

/* A finite non-negative number, or an error naming benchmarks[i].key. */
static int number(json_t *e, const char *key, int required, double *out, const char *path,
                  size_t i, char *err, size_t errlen)
{
    json_t *v = json_object_get(e, key);
    if (!v) {
        if (required)
            FAIL("%s: benchmarks[%zu].%s: missing", path, i, key);
        *out = NAN;
        return 0;
    }
    if (!json_is_number(v) || !isfinite(json_number_value(v)) || json_number_value(v) < 0)
        FAIL("%s: benchmarks[%zu].%s: expected a non-negative number", path, i, key);
    *out = json_number_value(v);
    return 0;
}

static int entry(hs_set *set, hs_file *f, json_t *e, size_t i, size_t *iterations,
                 char *err, size_t errlen)
{
    const char *path = f->path;
    if (!json_is_object(e))
        FAIL("%s: benchmarks[%zu]: expected an object", path, i);
    const char *name = json_string_value(json_object_get(e, "name"));
    if (!name || !*name)
        FAIL("%s: benchmarks[%zu].name: missing or not a non-empty string", path, i);
    const char *run_type = json_string_value(json_object_get(e, "run_type"));
    if (!run_type)
        FAIL("%s: benchmarks[%zu].run_type: missing or not a string", path, i);
    if (strcmp(run_type, "aggregate") == 0)
        return 0;
    if (strcmp(run_type, "iteration") != 0)
        FAIL("%s: benchmarks[%zu].run_type: unknown value \"%s\"", path, i, run_type);
    (*iterations)++;
    /* A paired comparison's rounds are in hp_paired (paired.c), not here. */
    if (strncmp(name, "pair/", 5) == 0)
        return 0;

    /* A baseline keeps each entry's cap, as it may join several files. */
    const char *cap = json_string_value(json_object_get(e, "hp_isa_cap"));
    if (!cap)
        cap = f->cap;
    hs_bench *b = hs_find(set, name, cap);
    if (b && b->file != f)
        FAIL("%s: benchmarks[%zu].name: %s at ISA cap %s is also in %s (give one file per cap)",
             path, i, name, cap, b->file->path);
    if (!b && !(b = hs_new_bench(set, name, cap, f)))
        FAIL("%s: out of memory", path);

    json_t *eo = json_object_get(e, "error_occurred");
    if (eo && !json_is_boolean(eo))
        FAIL("%s: benchmarks[%zu].error_occurred: expected true or false", path, i);
    if (json_is_true(eo)) {
        json_t *m = json_object_get(e, "error_message");
        if (m && !json_is_string(m))
            FAIL("%s: benchmarks[%zu].error_message: expected a string", path, i);
        if (!b->skip && !(b->skip = strdup(m ? json_string_value(m) : "(no message)")))
            FAIL("%s: out of memory", path);
        b->n = 0; /* an error in any repetition: the benchmark is skipped */
        return 0;
    }
    if (b->skip)
        return 0;

    double real, cpu, scale, bps, ips, touched;
    if (number(e, "real_time", 1, &real, path, i, err, errlen) ||
        number(e, "cpu_time", 1, &cpu, path, i, err, errlen) ||
        number(e, "bytes_per_second", 0, &bps, path, i, err, errlen) ||
        number(e, "items_per_second", 0, &ips, path, i, err, errlen) ||
        number(e, "touched", 0, &touched, path, i, err, errlen))
        return -1;
    const char *unit = json_string_value(json_object_get(e, "time_unit"));
    if (!unit || time_scale(unit, &scale) != 0)
        FAIL("%s: benchmarks[%zu].time_unit: missing or not one of ns, us, ms, s", path, i);
    json_t *it = json_object_get(e, "iterations");
    if (!json_is_integer(it) || json_integer_value(it) <= 0)
        FAIL("%s: benchmarks[%zu].iterations: expected a positive integer", path, i);

    const int unit_now = !isnan(bps) ? HS_THRPT_BYTES : !isnan(ips) ? HS_THRPT_ITEMS
                                                                    : HS_THRPT_NONE;
    if (b->n > 0 && unit_now != b->unit)
        FAIL("%s: benchmarks[%zu].bytes_per_second: present in some repetitions of %s only",
             path, i, name);
    b->unit = unit_now;
    if (!isnan(touched))
        b->touched = touched;
    if (hs_add_sample(b, (set->real_time ? real : cpu) * scale, cpu * scale, unit_now == HS_THRPT_BYTES ? bps : ips))
        FAIL("%s: out of memory", path);
    return 0;
}

/* Bytes (items) per iteration = rate x time.  Google Benchmark divides the
 * rate by the CPU time unless the benchmark asked for real time, so the
 * product with the right one is the same in every repetition: take the
 * steadier of the two (CPU time when there is one repetition). */
static void per_iteration(hs_bench *b)
{
    if (b->unit == HS_THRPT_NONE || b->n == 0)
        return;
    double lo[2] = {INFINITY, INFINITY}, hi[2] = {0, 0};
    for (size_t i = 0; i < b->n; i++) {
        const double v[2] = {b->rate[i] * b->cpu[i] * 1e-9, b->rate[i] * b->t[i] * 1e-9};
        for (int k = 0; k < 2; k++) {
            lo[k] = fmin(lo[k], v[k]);
            hi[k] = fmax(hi[k], v[k]);
        }
    }
    const int k = (hi[1] - lo[1]) < (hi[0] - lo[0]) ? 1 : 0;
    double v = 0.5 * (lo[k] + hi[k]);
    if (fabs(v - round(v)) < 1e-6 * v) /* bytes are whole; the rate rounds */
        v = round(v);
    b->per_iter = v;
}

int hs_read_gbench(hs_set *set, hs_file *f, char *err, size_t errlen)
{
    const char *path = f->path;
    json_t *ctx = json_object_get(f->root, "context");
    if (ctx && !json_is_object(ctx))
        FAIL("%s: context: expected an object", path);
    const char *cap = json_string_value(json_object_get(ctx, "hp_isa_cap"));
    f->cap = cap ? cap : "-";
    f->l1 = context_bytes(ctx, "hp_l1d_bytes");
    f->l2 = context_bytes(ctx, "hp_l2_bytes");
    f->l3 = context_bytes(ctx, "hp_l3_bytes");

    json_t *list = json_object_get(f->root, "benchmarks");
    if (!json_is_array(list))
        FAIL("%s: benchmarks: expected an array", path);
    if (json_array_size(list) == 0)
        FAIL("%s: benchmarks: empty (no benchmark ran)", path);
    const size_t first = set->n;
    size_t iterations = 0;
    for (size_t i = 0; i < json_array_size(list); i++)
        if (entry(set, f, json_array_get(list, i), i, &iterations, err, errlen) != 0)
            return -1;
    if (iterations == 0)
        FAIL("%s: benchmarks[].run_type: no \"iteration\" entries, only aggregates "
             "(rerun without --benchmark_report_aggregates_only)", path);
    for (size_t i = first; i < set->n; i++)
        per_iteration(&set->b[i]);
    return 0;
}
