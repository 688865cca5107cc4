/* `make bench-instructions` files (scripts/bench-instructions.sh):
 * instructions[] holds {name, family, variant, size, unit, instructions,
 * counted}, skipped[] {name, reason}.  A name appears once per set, since
 * a baseline is matched by name. */
#include "stats.h"

#include <stdlib.h>
#include <string.h>

#define FAIL(...)                                \
    do {                                         \
        snprintf(err, errlen, __VA_ARGS__);      \
        return -1;                               \
    } while (0)

static hs_icount *new_icount(hs_set *set)
{
    if (set->nic == set->allocic) {
        const size_t na = set->allocic ? 2 * set->allocic : 64;
        hs_icount *ic = realloc(set->ic, na * sizeof *ic);
        if (!ic)
            return NULL;
        set->ic = ic;
        set->allocic = na;
    }
    hs_icount *c = &set->ic[set->nic++];
    memset(c, 0, sizeof *c);
    return c;
}

/* A string field of list[i]; empty allowed only when may_be_empty. */
static const char *string(json_t *e, const char *list, size_t i, const char *key,
                          int may_be_empty, const char *path, char *err, size_t errlen)
{
    const char *s = json_string_value(json_object_get(e, key));
    if (!s || (!may_be_empty && !*s))
        snprintf(err, errlen, "%s: %s[%zu].%s: missing or not a %sstring", path, list, i, key,
                 may_be_empty ? "" : "non-empty ");
    if (s && hs_has_control(s)) {
        snprintf(err, errlen, "%s: %s[%zu].%s: contains a control character (tab, newline, ...)",
                 path, list, i, key);
        return NULL;
    }
    return s && (may_be_empty || *s) ? s : NULL;
}

static int integer(json_t *e, size_t i, const char *key, unsigned long long *out,
                   const char *path, char *err, size_t errlen)
{
    json_t *v = json_object_get(e, key);
    if (!json_is_integer(v) || json_integer_value(v) < 0)
        FAIL("%s: instructions[%zu].%s: missing or not a non-negative integer", path, i, key);
    *out = (unsigned long long)json_integer_value(v);
    return 0;
}

/* Adds name (duplicates are an error); fields strdup'ed, "-" when NULL. */
static hs_icount *add(hs_set *set, const char *list, size_t i, const char *name,
                      const char *family, const char *variant, const char *unit,
                      const char *path, char *err, size_t errlen)
{
    if (hs_find_icount(set, name)) {
        snprintf(err, errlen, "%s: %s[%zu].name: \"%s\" appears twice", path, list, i, name);
        return NULL;
    }
    hs_icount *c = new_icount(set);
    if (!c || !(c->name = strdup(name)) || !(c->family = strdup(family ? family : "-")) ||
        !(c->variant = strdup(variant ? variant : "-")) || !(c->unit = strdup(unit ? unit : "-"))) {
        snprintf(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    return c;
}

int hs_read_icounts(hs_set *set, hs_file *f, char *err, size_t errlen)
{
    const char *path = f->path;
    json_t *list = json_object_get(f->root, "instructions");
    if (!json_is_array(list))
        FAIL("%s: instructions: expected an array", path);
    json_t *skipped = json_object_get(f->root, "skipped");
    if (skipped && !json_is_array(skipped))
        FAIL("%s: skipped: expected an array", path);
    if (json_array_size(list) == 0 && json_array_size(skipped) == 0)
        FAIL("%s: instructions: empty (nothing was counted)", path);
    const char *cap = json_string_value(json_object_get(json_object_get(f->root, "context"),
                                                        "isa_cap"));
    if (cap && hs_has_control(cap))
        FAIL("%s: context.isa_cap: contains a control character", path);
    f->cap = cap ? cap : "-";
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *e = json_array_get(list, i);
        if (!json_is_object(e))
            FAIL("%s: instructions[%zu]: expected an object", path, i);
        const char *name, *family, *variant, *unit;
        unsigned long long size, count;
        if (!(name = string(e, "instructions", i, "name", 0, path, err, errlen)) ||
            !(family = string(e, "instructions", i, "family", 0, path, err, errlen)) ||
            !(variant = string(e, "instructions", i, "variant", 0, path, err, errlen)) ||
            !(unit = string(e, "instructions", i, "unit", 1, path, err, errlen)) ||
            integer(e, i, "size", &size, path, err, errlen) ||
            integer(e, i, "instructions", &count, path, err, errlen))
            return -1;
        hs_icount *c = add(set, "instructions", i, name, family, variant, *unit ? unit : NULL,
                           path, err, errlen);
        if (!c)
            return -1;
        c->size = size;
        c->count = count;
    }
    for (size_t i = 0; i < json_array_size(skipped); i++) {
        json_t *e = json_array_get(skipped, i);
        if (!json_is_object(e))
            FAIL("%s: skipped[%zu]: expected an object", path, i);
        const char *name, *reason;
        if (!(name = string(e, "skipped", i, "name", 0, path, err, errlen)) ||
            !(reason = string(e, "skipped", i, "reason", 1, path, err, errlen)))
            return -1;
        hs_icount *c = add(set, "skipped", i, name, NULL, NULL, NULL, path, err, errlen);
        if (!c)
            return -1;
        if (!(c->skip = strdup(*reason ? reason : "no reason given")))
            FAIL("%s: out of memory", path);
    }
    return 0;
}
