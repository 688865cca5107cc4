/* The registry as a result file's context records it (bench/context.cc;
 * docs/json.md, "Registry"): each family's reference and order, each
 * variant's stage and order.  hotpath-stats learns stages, references and
 * the journey order from here, never from libhotpath.a, so it links no
 * kernel and reads a run made by another build as that build saw itself. */
#include "stats.h"

#include <stdlib.h>
#include <string.h>

/* The value of `name=` in a "k=v k=v" context string, malloc'd; NULL if
 * absent or empty. */
static char *field(const char *s, const char *name)
{
    const size_t len = strlen(name);
    for (const char *p = s; *p;) {
        const size_t tok = strcspn(p, " ");
        if (tok > len && strncmp(p, name, len) == 0 && p[len] == '=')
            return strndup(p + len + 1, tok - len - 1);
        p += tok;
        p += strspn(p, " ");
    }
    return NULL;
}

static int order_of(const char *s, size_t *order)
{
    char *o = field(s, "order"), *end;
    int ok = o && *o >= '0' && *o <= '9';
    if (ok) {
        *order = strtoul(o, &end, 10);
        ok = *end == '\0';
    }
    free(o);
    return ok;
}

static int add_family(hs_file *f, const char *name, const char *value)
{
    hs_family_info *a = realloc(f->fams, (f->nfams + 1) * sizeof *a);
    if (!a)
        return -1;
    f->fams = a;
    hs_family_info *x = &a[f->nfams];
    *x = (hs_family_info){strdup(name), field(value, "reference"), field(value, "size_unit"), 0};
    f->nfams++;
    if (!x->name)
        return -1;
    return x->reference && x->size_unit && order_of(value, &x->order) ? 0 : 1;
}

static int add_variant(hs_file *f, const char *key, const char *value)
{
    const char *slash = strchr(key, '/');
    hs_variant_info *a = realloc(f->vars, (f->nvars + 1) * sizeof *a);
    if (!a)
        return -1;
    f->vars = a;
    hs_variant_info *x = &a[f->nvars];
    *x = (hs_variant_info){slash ? strndup(key, (size_t)(slash - key)) : NULL,
                           slash ? strdup(slash + 1) : NULL, field(value, "stage"), 0};
    f->nvars++;
    if (slash && (!x->family || !x->name))
        return -1;
    return slash && x->stage && order_of(value, &x->order) ? 0 : 1;
}

int hs_read_registry(hs_file *f)
{
    static const char fam[] = "hp_family.", var[] = "hp_variant.";
    json_t *ctx = json_object_get(f->root, "context");
    json_t *count = json_object_get(ctx, "hp_variants");
    if (!json_is_string(count)) {
        f->no_registry = "its context lacks the registry (hp_variants: a run of an older "
                         "hotpath-bench)";
        return 0;
    }
    const char *key;
    json_t *value;
    int bad = 0;
    json_object_foreach(ctx, key, value)
    {
        int rc = 0;
        if (!strncmp(key, fam, sizeof fam - 1) || !strncmp(key, var, sizeof var - 1)) {
            if (!json_is_string(value))
                rc = 1;
            else if (key[3] == 'f')
                rc = add_family(f, key + sizeof fam - 1, json_string_value(value));
            else
                rc = add_variant(f, key + sizeof var - 1, json_string_value(value));
        }
        if (rc < 0)
            return -1;
        bad |= rc;
    }
    char *end;
    const unsigned long n = strtoul(json_string_value(count), &end, 10);
    if (bad || *end != '\0' || n != f->nvars || f->nfams == 0)
        f->no_registry = "its registry context (hp_family.*, hp_variant.*, hp_variants) is "
                         "malformed or incomplete";
    return 0;
}

void hs_registry_free(hs_file *f)
{
    for (size_t i = 0; i < f->nfams; i++) {
        free(f->fams[i].name);
        free(f->fams[i].reference);
        free(f->fams[i].size_unit);
    }
    for (size_t i = 0; i < f->nvars; i++) {
        free(f->vars[i].family);
        free(f->vars[i].name);
        free(f->vars[i].stage);
    }
    free(f->fams);
    free(f->vars);
    f->fams = NULL;
    f->vars = NULL;
    f->nfams = f->nvars = 0;
}

const hs_family_info *hs_find_family(const hs_file *f, const char *family)
{
    if (!f || f->no_registry)
        return NULL;
    for (size_t i = 0; i < f->nfams; i++)
        if (strcmp(f->fams[i].name, family) == 0)
            return &f->fams[i];
    return NULL;
}

const hs_variant_info *hs_find_variant(const hs_file *f, const char *family, const char *name)
{
    if (!f || f->no_registry)
        return NULL;
    for (size_t i = 0; i < f->nvars; i++)
        if (strcmp(f->vars[i].family, family) == 0 && strcmp(f->vars[i].name, name) == 0)
            return &f->vars[i];
    return NULL;
}
