/* The gate's driver: find each variant's check and reference, run it. */
#include "gate.h"

#include "../peers/peers.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

HP_GATE_TABLE(basics)
HP_GATE_TABLE(abstraction)
HP_GATE_TABLE(inline_asm)
HP_GATE_TABLE(simd)
HP_GATE_TABLE(syscall)
HP_GATE_TABLE(base64)
HP_GATE_TABLE(cpu_effects)
HP_GATE_TABLE(calibration)

static const struct {
    const hp_check *checks;
    const size_t *n;
} tables[] = {
    {hp_checks_basics, &hp_checks_basics_n},
    {hp_checks_abstraction, &hp_checks_abstraction_n},
    {hp_checks_inline_asm, &hp_checks_inline_asm_n},
    {hp_checks_simd, &hp_checks_simd_n},
    {hp_checks_syscall, &hp_checks_syscall_n},
    {hp_checks_base64, &hp_checks_base64_n},
    {hp_checks_cpu_effects, &hp_checks_cpu_effects_n},
    {hp_checks_calibration, &hp_checks_calibration_n},
};

static const hp_check *find_check(const char *family)
{
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
        for (size_t i = 0; i < *tables[t].n; i++)
            if (strcmp(tables[t].checks[i].family, family) == 0)
                return &tables[t].checks[i];
    return NULL;
}

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

int hp_gate_fail(char *msg, size_t len, const hp_variant *v, const char *fmt, ...)
{
    int w = snprintf(msg, len, "%s/%s: ", v->family, v->name);
    if (w >= 0 && (size_t)w < len) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg + w, len - (size_t)w, fmt, ap);
        va_end(ap);
    }
    return 1;
}

void *hp_gate_alloc(size_t n, size_t misalign)
{
    unsigned char *base = aligned_alloc(64, ((n + misalign) / 64 + 1) * 64);
    return base ? base + misalign : NULL;
}

void hp_gate_free(void *p, size_t misalign)
{
    if (p)
        free((unsigned char *)p - misalign);
}

int hp_gate_i32_lengths(const hp_variant *v, const hp_variant *ref,
                        void (*fill)(hp_rng *rng, int32_t *a, size_t n), size_t n_long,
                        char *msg, size_t len)
{
    typedef int32_t (*fn)(const int32_t *a, size_t n);
    const fn f = (fn)v->fn, r = (fn)ref->fn;
    hp_rng rng = {7};
    for (size_t k = 0; k <= 257 + n_long; k++) {
        const size_t n = k <= 257 ? k : 1000 + hp_rng_below(&rng, 70000);
        for (size_t mis = 0; mis < 64; mis += 4) {
            int32_t *a = hp_gate_alloc(n * sizeof *a, mis);
            if (!a)
                return hp_gate_fail(msg, len, v, "out of memory");
            fill(&rng, a, n);
            const int32_t got = f(a, n), want = r(a, n);
            hp_gate_free(a, mis);
            if (got != want)
                return hp_gate_fail(msg, len, v, "length %zu, misalignment %zu: got %d, want %d",
                                    n, mis, (int)got, (int)want);
        }
    }
    return 0;
}

int hp_gate_check(const hp_variant *v, char *msg, size_t len)
{
    const hp_family *fam = hp_find_family(v->family);
    const hp_check *c = find_check(v->family);
    if (!fam)
        return hp_gate_fail(msg, len, v, "family is not in the registry");
    if (!c)
        return hp_gate_fail(msg, len, v, "family has no gate check");
    const hp_variant *ref = hp_find(v->family, fam->reference);
    const char *why;
    if (!ref)
        return hp_gate_fail(msg, len, v, "reference variant '%s' is missing", fam->reference);
    if (!hp_runnable(ref, &why))
        return hp_gate_fail(msg, len, v, "reference cannot run: %s", why);
    if ((why = hp_peer_unavailable(v)))
        return hp_gate_fail(msg, len, v, "cannot be called: %s", why);
    msg[0] = '\0';
    return c->run(v, ref, msg, len);
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
