/* The registry: the milestone tables joined in journey order. */
#include "registry.h"

#include "cpu/cpu.h"
#include "milestones.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

HP_MILESTONES(HP_MILESTONE_TABLES)
HP_MILESTONE_TABLES(calibration) /* not a milestone: shims/calibration.h */

#define MAX_VARIANTS 1024
#define MAX_FAMILIES 128

static hp_variant all_variants[MAX_VARIANTS];
static hp_family all_families[MAX_FAMILIES];
static size_t n_variants, n_families;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void append(const hp_variant *v, size_t nv, const hp_family *f, size_t nf)
{
    /* Capacity is a compile-time fact of this repository; overflowing it is
     * a bug caught by the registry test, never a silent truncation. */
    for (size_t i = 0; i < nv && n_variants < MAX_VARIANTS; i++)
        all_variants[n_variants++] = v[i];
    for (size_t i = 0; i < nf && n_families < MAX_FAMILIES; i++)
        all_families[n_families++] = f[i];
}

#define JOIN(m) append(hp_reg_##m, hp_reg_##m##_n, hp_fam_##m, hp_fam_##m##_n);

static void build(void)
{
    HP_MILESTONES(JOIN)
    JOIN(calibration)
}

const hp_variant *hp_variants(size_t *count)
{
    pthread_once(&once, build);
    if (count)
        *count = n_variants;
    return all_variants;
}

const hp_family *hp_families(size_t *count)
{
    pthread_once(&once, build);
    if (count)
        *count = n_families;
    return all_families;
}

const hp_variant *hp_find(const char *family, const char *name)
{
    size_t n;
    const hp_variant *v = hp_variants(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].family, family) == 0 && strcmp(v[i].name, name) == 0)
            return &v[i];
    return NULL;
}

const hp_family *hp_find_family(const char *name)
{
    size_t n;
    const hp_family *f = hp_families(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].name, name) == 0)
            return &f[i];
    return NULL;
}

int hp_runnable(const hp_variant *v, const char **why_not)
{
    /* One reason per thread at a time: the caller prints it before asking
     * about the next variant. */
    static _Thread_local char reason[160];
    const char *err;
    if (hp_cpu_cap_check(&err) != 0) {
        if (why_not)
            *why_not = err;
        return 0;
    }
    const uint64_t detected = hp_cpu_detected();
    const uint64_t missing_cpu = v->features & ~detected;
    const uint64_t missing_cap = v->features & detected & ~hp_cpu_cap_mask();
    if (!missing_cpu && !missing_cap)
        return 1;
    if (why_not) {
        if (missing_cpu)
            snprintf(reason, sizeof reason, "CPU lacks %s", hp_cpu_feature_names(missing_cpu));
        else
            snprintf(reason, sizeof reason, "HOTPATH_ISA=%s excludes %s", hp_cpu_cap_name(),
                     hp_cpu_feature_names(missing_cap));
        *why_not = reason;
    }
    return 0;
}

const hp_variant *hp_best(const char *family)
{
    size_t n;
    const hp_variant *v = hp_variants(&n), *best = NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].family, family) == 0 && v[i].stage < HP_STAGE_LIBRARY &&
            hp_runnable(&v[i], NULL))
            best = &v[i];
    return best;
}

const char *hp_stage_name(hp_stage s)
{
    static const char *const names[HP_STAGE_COUNT] = {
        "baseline", "algorithm", "auto", "simd", "asm", "library", "limit",
    };
    return (unsigned)s < HP_STAGE_COUNT ? names[s] : "?";
}
