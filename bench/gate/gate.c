/* The gate's driver: each variant against its reference through the
 * family's harness check, registry and peers alike. */
#include "gate.h"

#include "check.h"
#include "harness.h"

#include "../peers/peers.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ALL 1152
static hp_variant all[MAX_ALL];
static size_t n_all;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void join(void)
{
    size_t n;
    const hp_variant *v = hp_variants(&n);
    for (size_t i = 0; i < n && n_all < MAX_ALL; i++)
        all[n_all++] = v[i];
    v = hp_peer_variants(&n);
    for (size_t i = 0; i < n && n_all < MAX_ALL; i++)
        all[n_all++] = v[i];
}

const hp_variant *hp_all_variants(size_t *count)
{
    pthread_once(&once, join);
    *count = n_all;
    return all;
}

const hp_variant *hp_all_find(const char *family, const char *name)
{
    size_t n;
    const hp_variant *v = hp_all_variants(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].family, family) == 0 && strcmp(v[i].name, name) == 0)
            return &v[i];
    return NULL;
}

int hp_all_runnable(const hp_variant *v, const char **why_not)
{
    if (!hp_runnable(v, why_not))
        return 0;
    const char *why = hp_peer_unavailable(v);
    if (why && why_not)
        *why_not = why;
    return why == NULL;
}

int hp_gate_check(const hp_variant *v, char *msg, size_t len)
{
    const hp_family *fam = hp_find_family(v->family);
    const hp_harness *h = hp_harness_find(v->family);
    if (!fam)
        return hp_check_fail(msg, len, v, "family is not in the registry");
    if (!h)
        return hp_check_fail(msg, len, v, "family has no harness (shims/harness_<milestone>.c)");
    const hp_variant *ref = hp_find(v->family, fam->reference);
    const char *why;
    if (!ref)
        return hp_check_fail(msg, len, v, "reference variant '%s' is missing", fam->reference);
    if (!hp_runnable(ref, &why))
        return hp_check_fail(msg, len, v, "reference cannot run: %s", why);
    if ((why = hp_peer_unavailable(v)))
        return hp_check_fail(msg, len, v, "cannot be called: %s", why);
    msg[0] = '\0';
    return h->check(v, ref, msg, len);
}

int hp_gate_run(FILE *out, const char *filter)
{
    size_t n;
    const hp_variant *v = hp_all_variants(&n);
    int failures = 0, passed = 0, skipped = 0;
    char name[160], msg[512];
    for (size_t i = 0; i < n; i++) {
        snprintf(name, sizeof name, "%s/%s", v[i].family, v[i].name);
        if (filter && *filter && !strstr(name, filter))
            continue;
        if (v[i].stage == HP_STAGE_LIMIT)
            continue; /* a bound, not an implementation of the family */
        const char *why;
        if (!hp_all_runnable(&v[i], &why)) {
            fprintf(out, "gate: skip %-40s %s\n", name, why);
            skipped++;
            continue;
        }
        if (hp_gate_check(&v[i], msg, sizeof msg)) {
            fprintf(out, "gate: FAIL %s\n", msg);
            failures++;
        } else {
            passed++;
        }
    }
    fprintf(out, "gate: %d passed, %d failed, %d skipped\n", passed, failures, skipped);
    return failures;
}
