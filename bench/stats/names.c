/* What a benchmark's name says: family/variant/size[/extra], and what the
 * registry its file records (registry.c) says about it: stage, family
 * reference and journey order. */
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static char *part(const char *s, size_t len)
{
    if (len == 0)
        return strdup("-");
    char *p = malloc(len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

/* Missing parts become "-"; everything after the size is `extra` (e.g.
 * "O0", or Google Benchmark's own suffixes such as "real_time"). */
int hs_split_name(hs_bench *b, const char *name)
{
    const char *s1 = strchr(name, '/');
    const char *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
    const char *s3 = s2 ? strchr(s2 + 1, '/') : NULL;
    const size_t len = strlen(name);
    b->name = strdup(name);
    b->family = part(name, s1 ? (size_t)(s1 - name) : len);
    b->variant = s1 ? part(s1 + 1, (size_t)((s2 ? s2 : name + len) - s1 - 1)) : strdup("-");
    b->size = s2 ? part(s2 + 1, (size_t)((s3 ? s3 : name + len) - s2 - 1)) : strdup("-");
    b->extra = s3 ? part(s3 + 1, strlen(s3 + 1)) : strdup("-");
    return b->name && b->family && b->variant && b->size && b->extra ? 0 : -1;
}

/* The stage the file's registry gives the variant: a benchmark whose
 * extra names a build of the variant (milestone 2's "sum/iter/65536/O0" is
 * the registry's iter_O0) takes that build's.  Peers (library, limit) are
 * in the registry context too.  "-" when the file's registry does not
 * know the variant, or the file has none: never a guess from the name. */
const char *hs_stage_of(const hs_file *f, const char *family, const char *variant,
                        const char *extra)
{
    char build[128];
    const hs_variant_info *v = NULL;
    if (strcmp(extra, "-") != 0 &&
        (size_t)snprintf(build, sizeof build, "%s_%s", variant, extra) < sizeof build)
        v = hs_find_variant(f, family, build);
    if (!v)
        v = hs_find_variant(f, family, variant);
    return v ? v->stage : "-";
}

const char *hs_reference_of(const hs_file *f, const char *family)
{
    const hs_family_info *fam = hs_find_family(f, family);
    return fam ? fam->reference : NULL;
}

/* The smallest cache level that holds the bytes one call touches. */
const char *hs_cache_level(const hs_bench *b)
{
    const hs_file *f = b->file;
    if (isnan(b->touched) || !f || f->l1 <= 0 || f->l2 <= 0 || f->l3 <= 0)
        return "?";
    if (b->touched <= f->l1)
        return "L1";
    if (b->touched <= f->l2)
        return "L2";
    if (b->touched <= f->l3)
        return "L3";
    return "DRAM";
}

/* Journey order for the output, whatever order the run reported in (random
 * interleaving shuffles it): files as given, then family in registry order,
 * size, variant in registry order (peers after, the limit last), extra;
 * the registry is the one the file records (a file without one: by name).
 * hyperfine commands keep their order. */
typedef struct order_key {
    size_t file, family, variant, orig;
    double size;
    const hs_bench *b;
} order_key;

static size_t family_rank(const hs_bench *b)
{
    const hs_family_info *hit = hs_find_family(b->file, b->family);
    return hit ? hit->order : SIZE_MAX;
}

/* A registry variant's order; peers after every registry variant (library,
 * then benchmarks the registry does not know, then the limit), by name. */
static size_t variant_rank(const hs_bench *b)
{
    const hs_variant_info *hit = hs_find_variant(b->file, b->family, b->variant);
    const size_t peers = SIZE_MAX - 3;
    if (hit && strcmp(hit->stage, "library") != 0 && strcmp(hit->stage, "limit") != 0)
        return hit->order;
    return peers + (strcmp(b->stage, "library") == 0 ? 0 : strcmp(b->stage, "limit") == 0 ? 2 : 1);
}

static int cmp_key(const void *pa, const void *pb)
{
    const order_key *a = pa, *b = pb;
#define CMP(x, y)                 \
    if ((x) != (y))               \
        return (x) < (y) ? -1 : 1;
    CMP(a->b->file->kind, b->b->file->kind)
    CMP(a->file, b->file)
    if (a->b->file->kind == HS_KIND_GBENCH) {
        CMP(a->family, b->family)
        int c = strcmp(a->b->family, b->b->family);
        if (c)
            return c;
        CMP(a->size, b->size)
        if ((c = strcmp(a->b->size, b->b->size)))
            return c;
        CMP(a->variant, b->variant)
        if ((c = strcmp(a->b->variant, b->b->variant)) || (c = strcmp(a->b->extra, b->b->extra)))
            return c;
    }
    CMP(a->orig, b->orig)
#undef CMP
    return 0;
}

int hs_sort_benches(hs_set *set)
{
    order_key *k = malloc((set->n + 1) * sizeof *k);
    hs_bench *sorted = malloc((set->n + 1) * sizeof *sorted);
    if (!k || !sorted) {
        free(k);
        free(sorted);
        return -1;
    }
    for (size_t i = 0; i < set->n; i++) {
        const hs_bench *b = &set->b[i];
        size_t f = 0;
        while (f < set->nf && set->f[f] != b->file)
            f++;
        char *end;
        const double size = strtod(b->size, &end);
        k[i] = (order_key){f, family_rank(b), variant_rank(b), i,
                           end != b->size && *end == '\0' ? size : INFINITY, b};
    }
    qsort(k, set->n, sizeof *k, cmp_key);
    for (size_t i = 0; i < set->n; i++)
        sorted[i] = *k[i].b;
    free(k);
    free(set->b);
    set->b = sorted;
    set->alloc = set->n + 1;
    return 0;
}
