/* hotpath-stats: paired comparisons (paired.h): reading the rounds of
 * every process and the statistics over them.  The blocks, tables and
 * Markdown are paired_out.c. */
#include "paired.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FAIL(...)                              \
    do {                                       \
        snprintf(err, len, __VA_ARGS__);       \
        return -1;                             \
    } while (0)

static hs_pair *find_or_add(hs_pairs *ps, const char *name)
{
    for (size_t i = 0; i < ps->n; i++)
        if (strcmp(ps->p[i].name, name) == 0)
            return &ps->p[i];
    if (ps->n == ps->alloc) {
        const size_t na = ps->alloc ? 2 * ps->alloc : 64;
        hs_pair *p = realloc(ps->p, na * sizeof *p);
        if (!p)
            return NULL;
        ps->p = p;
        ps->alloc = na;
    }
    hs_pair *p = &ps->p[ps->n];
    memset(p, 0, sizeof *p);
    if (!(p->name = strdup(name)))
        return NULL;
    ps->n++;
    return p;
}

/* A JSON array of positive finite numbers, all of length n (or setting n). */
static int numbers(json_t *e, const char *key, size_t *n, json_t **out, const char *path,
                   size_t i, char *err, size_t len)
{
    json_t *a = json_object_get(e, key);
    if (!json_is_array(a) || json_array_size(a) == 0)
        FAIL("%s: hp_paired[%zu].%s: expected a non-empty array", path, i, key);
    if (*n && json_array_size(a) != *n)
        FAIL("%s: hp_paired[%zu].%s: %zu values, not %zu like the other arrays", path, i, key,
             json_array_size(a), *n);
    *n = json_array_size(a);
    for (size_t k = 0; k < *n; k++) {
        json_t *v = json_array_get(a, k);
        if (!json_is_number(v) || !isfinite(json_number_value(v)) || json_number_value(v) <= 0)
            FAIL("%s: hp_paired[%zu].%s[%zu]: expected a positive number", path, i, key, k);
    }
    *out = a;
    return 0;
}

static const char *string(json_t *e, const char *key)
{
    const char *s = json_string_value(json_object_get(e, key));
    return s && *s ? s : NULL;
}

static int entry(hs_pairs *ps, json_t *e, const char *cap, const char *path, size_t i,
                 char *err, size_t len)
{
    if (!json_is_object(e))
        FAIL("%s: hp_paired[%zu]: expected an object", path, i);
    const char *name = string(e, "name"), *fam = string(e, "family"), *a = string(e, "a"),
               *b = string(e, "b");
    if (!name || !fam || !a || !b)
        FAIL("%s: hp_paired[%zu]: name, family, a and b must be non-empty strings", path, i);
    json_t *size = json_object_get(e, "size"), *proc = json_object_get(e, "process"),
           *off = json_object_get(e, "offset");
    if (!json_is_integer(size) || json_integer_value(size) < 0 || !json_is_integer(proc) ||
        json_integer_value(proc) < 1 || !json_is_integer(off) || json_integer_value(off) < 0)
        FAIL("%s: hp_paired[%zu]: size, process (>= 1) and offset must be integers", path, i);
    size_t n = 0;
    json_t *ratio, *na, *nb;
    if (numbers(e, "ratio", &n, &ratio, path, i, err, len) ||
        numbers(e, "ns_a", &n, &na, path, i, err, len) ||
        numbers(e, "ns_b", &n, &nb, path, i, err, len))
        return -1;

    hs_pair *p = find_or_add(ps, name);
    if (!p)
        FAIL("out of memory");
    if (!p->family && (!(p->family = strdup(fam)) || !(p->a = strdup(a)) || !(p->b = strdup(b)) ||
                       !(p->cap = strdup(cap))))
        FAIL("out of memory");
    p->size = (unsigned long long)json_integer_value(size);
    const int k = (int)json_integer_value(proc);
    for (size_t g = 0; g < p->n_groups; g++)
        if (p->proc[g] == k)
            FAIL("%s: hp_paired[%zu]: %s of process %d was already read (a file given twice?)",
                 path, i, name, k);
    if (p->n_groups == HS_PAIR_MAX_PROCS)
        FAIL("%s: %s: more than %d processes", path, name, HS_PAIR_MAX_PROCS);
    if (p->n + n > p->alloc) {
        const size_t na2 = (p->n + n) * 2;
        double *r = realloc(p->ratio, na2 * sizeof *r);
        if (r)
            p->ratio = r;
        double *x = realloc(p->ns_a, na2 * sizeof *x);
        if (x)
            p->ns_a = x;
        double *y = realloc(p->ns_b, na2 * sizeof *y);
        if (y)
            p->ns_b = y;
        if (!r || !x || !y)
            FAIL("out of memory");
        p->alloc = na2;
    }
    for (size_t r = 0; r < n; r++) {
        p->ratio[p->n + r] = json_number_value(json_array_get(ratio, r));
        p->ns_a[p->n + r] = json_number_value(json_array_get(na, r));
        p->ns_b[p->n + r] = json_number_value(json_array_get(nb, r));
    }
    p->n += n;
    p->proc[p->n_groups] = k;
    p->offset[p->n_groups] = (size_t)json_integer_value(off);
    p->group_n[p->n_groups++] = n;
    if (p->n_groups > ps->procs)
        ps->procs = p->n_groups;
    return 0;
}

int hs_pairs_add_json(hs_pairs *ps, json_t *root, const char *path, char *err, size_t len)
{
    json_t *list = json_object_get(root, "hp_paired");
    if (!list)
        return 0;
    if (!json_is_array(list))
        FAIL("%s: hp_paired: expected an array", path);
    const char *cap = json_string_value(json_object_get(json_object_get(root, "context"),
                                                        "hp_isa_cap"));
    for (size_t i = 0; i < json_array_size(list); i++)
        if (entry(ps, json_array_get(list, i), cap && *cap ? cap : "-", path, i, err, len))
            return -1;
    return 0;
}

int hs_pairs_add_file(hs_pairs *ps, const char *path, char *err, size_t len)
{
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root)
        FAIL("%s: %s (line %d)", path, je.text, je.line);
    int rc = 0;
    if (!json_is_object(root) || !json_object_get(root, "hp_paired")) {
        snprintf(err, len, "%s: no hp_paired rounds (not a hotpath-bench result file?)", path);
        rc = -1;
    }
    if (rc == 0)
        rc = hs_pairs_add_json(ps, root, path, err, len);
    json_decref(root);
    return rc;
}

static double median_of(const double *x, size_t n)
{
    double *t = malloc(n * sizeof *t);
    if (!t)
        return NAN;
    memcpy(t, x, n * sizeof *t);
    const double m = hp_pair_median(t, n);
    free(t);
    return m;
}

int hs_pairs_analyze(hs_pairs *ps, const hs_options *o)
{
    /* Percentile intervals at 2.5% need thousands of resamples, not the
     * 100000 of the per-benchmark bootstrap: hundreds of comparisons. */
    const uint32_t res = (uint32_t)(o->resamples < 10000 ? o->resamples : 10000);
    for (size_t i = 0; i < ps->n; i++) {
        hs_pair *p = &ps->p[i];
        const uint64_t seed = hs_stream_seed(o->seed, p->name, "paired", NULL);
        if (hp_pair_ci_median(p->ratio, p->group_n, p->n_groups, 0.95, res, seed, &p->ci) ||
            hp_pair_find_modes(p->ratio, p->group_n, p->n_groups, 0.03, &p->modes))
            return -1;
        p->a_ns = median_of(p->ns_a, p->n);
        p->b_ns = median_of(p->ns_b, p->n);
        if (isnan(p->a_ns) || isnan(p->b_ns))
            return -1;
    }
    /* Which comparisons differ, across the run: Benjamini-Hochberg over
     * the bootstrap p-values (q), as the baseline verdicts (fdr.c). */
    double *pv = malloc((ps->n + 1) * sizeof *pv), *q = malloc((ps->n + 1) * sizeof *q);
    int rc = pv && q ? 0 : -1;
    for (size_t i = 0; i < ps->n && rc == 0; i++)
        pv[i] = ps->p[i].ci.p;
    if (rc == 0 && o->fdr > 0 && hs_fdr_adjust(pv, ps->n, q) == SIZE_MAX)
        rc = -1;
    for (size_t i = 0; i < ps->n && rc == 0; i++)
        ps->p[i].q = o->fdr > 0 ? q[i] : pv[i];
    free(pv);
    free(q);
    return rc;
}

static const hs_pair *pair_of(const hs_pairs *ps, const hs_bench *a, const hs_bench *b)
{
    if (strcmp(a->family, b->family) || strcmp(a->size, b->size) || strcmp(a->extra, b->extra))
        return NULL; /* a fallback to another build's reference: no pair measured that */
    char name[1024];
    const int n = strcmp(b->extra, "-") == 0
                      ? snprintf(name, sizeof name, "pair/%s/%s:%s/%s", b->family, a->variant,
                                 b->variant, b->size)
                      : snprintf(name, sizeof name, "pair/%s/%s:%s/%s/%s", b->family,
                                 a->variant, b->variant, b->size, b->extra);
    if (n < 0 || (size_t)n >= sizeof name)
        return NULL;
    for (size_t i = 0; i < ps->n; i++) {
        const hs_pair *p = &ps->p[i];
        if (strcmp(p->name, name) == 0 && strcmp(p->cap, b->cap) == 0 && p->n > 0 &&
            p->ci.est > 0 && p->ci.lo > 0 && p->ci.hi > 0)
            return p;
    }
    return NULL;
}

void hs_pairs_apply(hs_set *run, const hs_pairs *ps)
{
    for (size_t i = 0; i < run->n; i++) {
        hs_bench *b = &run->b[i];
        if (b->file->kind != HS_KIND_GBENCH || b->skip)
            continue;
        const hs_bench *who[3] = {b->ref, b->peer, b->limit};
        hs_est *dst[3] = {&b->speedup, &b->vs_peer, &b->vs_limit};
        int *src[3] = {&b->speedup_src, &b->peer_src, &b->limit_src};
        size_t *rounds[3] = {&b->speedup_rounds, &b->peer_rounds, &b->limit_rounds};
        for (int w = 0; w < 3; w++) {
            const hs_pair *p = who[w] && who[w] != b ? pair_of(ps, who[w], b) : NULL;
            if (!p)
                continue;
            /* ratio = B/A time, B the variant: the columns are A/B, so the
             * estimate inverts and the interval's ends swap. */
            *dst[w] = (hs_est){1 / p->ci.est, 1 / p->ci.hi, 1 / p->ci.lo};
            *src[w] = HS_SRC_PAIRED;
            *rounds[w] = p->n;
        }
    }
}

void hs_pairs_free(hs_pairs *ps)
{
    for (size_t i = 0; i < ps->n; i++) {
        hs_pair *p = &ps->p[i];
        free(p->name);
        free(p->family);
        free(p->a);
        free(p->b);
        free(p->cap);
        free(p->ratio);
        free(p->ns_a);
        free(p->ns_b);
    }
    free(ps->p);
    memset(ps, 0, sizeof *ps);
}
