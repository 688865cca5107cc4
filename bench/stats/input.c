/* Reading result files: the file itself, then Google Benchmark, hyperfine
 * or instruction counts by what the top level holds.  Every error names the file and the field. */
#include "stats.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

hs_file *hs_add_file(hs_set *set, const char *path, json_t *root, int kind)
{
    if (set->nf == set->allocf) {
        const size_t na = set->allocf ? 2 * set->allocf : 8;
        hs_file **files = realloc(set->f, na * sizeof *files);
        if (!files)
            return NULL;
        set->f = files;
        set->allocf = na;
    }
    hs_file *f = calloc(1, sizeof *f);
    if (!f || !(f->path = strdup(path))) {
        free(f);
        return NULL;
    }
    f->root = root;
    f->kind = kind;
    f->cap = "-";
    set->f[set->nf++] = f;
    if (kind == HS_KIND_GBENCH && hs_read_registry(f) != 0) {
        hs_registry_free(f);
        set->nf--;
        free(f->path);
        free(f);
        return NULL;
    }
    return f;
}

int hs_read_file(hs_set *set, const char *path, char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
        return -1;
    }
    if (st.st_size == 0) {
        snprintf(err, errlen, "%s: empty file (no JSON)", path);
        return -1;
    }
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root && je.line < 0) /* jansson could not open or read it */
        snprintf(err, errlen, "%s: cannot read: %s", path, je.text);
    else if (!root)
        snprintf(err, errlen, "%s: invalid JSON (truncated?) at line %d column %d: %s", path,
                 je.line, je.column, je.text);
    if (!root)
        return -1;
    return hs_read_json(set, path, root, err, errlen);
}

int hs_read_json(hs_set *set, const char *path, json_t *root, char *err, size_t errlen)
{
    const int gb = json_is_object(root) && json_object_get(root, "benchmarks");
    const int hf = json_is_object(root) && json_object_get(root, "results");
    const int ic = json_is_object(root) && json_object_get(root, "instructions");
    if (!gb && !hf && !ic) {
        snprintf(err, errlen, "%s: top level: expected an object with \"benchmarks\" "
                              "(Google Benchmark), \"results\" (hyperfine) or "
                              "\"instructions\" (make bench-instructions)", path);
        json_decref(root);
        return -1;
    }
    const int kind = gb ? HS_KIND_GBENCH : hf ? HS_KIND_HYPERFINE : HS_KIND_INSTRUCTIONS;
    hs_file *f = hs_add_file(set, path, root, kind);
    if (!f) {
        json_decref(root);
        snprintf(err, errlen, "%s: out of memory", path);
        return -1;
    }
    return gb ? hs_read_gbench(set, f, err, errlen)
         : hf ? hs_read_hyperfine(set, f, err, errlen)
              : hs_read_icounts(set, f, err, errlen);
}

hs_bench *hs_find(const hs_set *set, const char *name, const char *cap)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->b[i].name, name) == 0 && strcmp(set->b[i].cap, cap) == 0)
            return &set->b[i];
    return NULL;
}

hs_bench *hs_new_bench(hs_set *set, const char *name, const char *cap, const hs_file *f)
{
    if (set->n == set->alloc) {
        const size_t na = set->alloc ? 2 * set->alloc : 64;
        hs_bench *b = realloc(set->b, na * sizeof *b);
        if (!b)
            return NULL;
        set->b = b;
        set->alloc = na;
    }
    hs_bench *b = &set->b[set->n++];
    memset(b, 0, sizeof *b);
    b->cap = cap;
    b->file = f;
    b->per_iter = NAN;
    b->touched = NAN;
    b->p = NAN;
    b->q = NAN;
    if (hs_split_name(b, name) != 0)
        return NULL;
    b->stage = hs_stage_of(f, b->family, b->variant, b->extra);
    return b;
}

const char *hs_time_problem(double ns, int zero_ok)
{
    if (isnan(ns))
        return "not a number";
    if (ns < 0 || (ns == 0 && !zero_ok))
        return zero_ok ? "negative" : "not above zero (no clock reads 0 for work done)";
    if (!(ns <= HS_MAX_NS)) /* +inf too: 1e308 s times 1e9 */
        return "absurdly large (over 1e6 s, or infinite once in ns)";
    return NULL;
}

int hs_has_control(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return 1;
    return 0;
}

int hs_add_sample(hs_bench *b, double t, double cpu, double rate)
{
    if (b->n == b->alloc) {
        const size_t na = b->alloc ? 2 * b->alloc : 16;
        double *nt = realloc(b->t, na * sizeof *nt);
        if (!nt)
            return -1;
        b->t = nt;
        double *nc = realloc(b->cpu, na * sizeof *nc);
        if (!nc)
            return -1;
        b->cpu = nc;
        double *nr = realloc(b->rate, na * sizeof *nr);
        if (!nr)
            return -1;
        b->rate = nr;
        b->alloc = na;
    }
    b->t[b->n] = t;
    b->cpu[b->n] = cpu;
    b->rate[b->n] = rate;
    b->n++;
    return 0;
}

void hs_set_free(hs_set *set)
{
    for (size_t i = 0; i < set->n; i++) {
        hs_bench *b = &set->b[i];
        free(b->name);
        free(b->family);
        free(b->variant);
        free(b->size);
        free(b->extra);
        free(b->skip);
        free(b->t);
        free(b->cpu);
        free(b->rate);
    }
    for (size_t i = 0; i < set->nf; i++) {
        free(set->f[i]->path);
        hs_registry_free(set->f[i]);
        json_decref(set->f[i]->root);
        free(set->f[i]);
    }
    hs_icount_free(set);
    free(set->b);
    free(set->f);
    memset(set, 0, sizeof *set);
}
