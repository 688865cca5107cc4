/* The checks' shared helpers (check.h). */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int hp_check_fail(char *msg, size_t len, const hp_variant *v, const char *fmt, ...)
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

void *hp_check_alloc(size_t n, size_t misalign)
{
    unsigned char *base = aligned_alloc(64, ((n + misalign) / 64 + 1) * 64);
    return base ? base + misalign : NULL;
}

void hp_check_free(void *p, size_t misalign)
{
    if (p)
        free((unsigned char *)p - misalign);
}

int hp_check_i32_lengths(const hp_variant *v, const hp_variant *ref,
                         void (*fill)(hp_rng *rng, int32_t *a, size_t n), size_t n_long,
                         char *msg, size_t len)
{
    typedef int32_t (*fn)(const int32_t *a, size_t n);
    const fn f = (fn)v->fn, r = (fn)ref->fn;
    hp_rng rng = {7};
    for (size_t k = 0; k <= 257 + n_long; k++) {
        const size_t n = k <= 257 ? k : 1000 + hp_rng_below(&rng, 70000);
        for (size_t mis = 0; mis < 64; mis += 4) {
            int32_t *a = hp_check_alloc(n * sizeof *a, mis);
            if (!a)
                return hp_check_fail(msg, len, v, "out of memory");
            fill(&rng, a, n);
            const int32_t got = f(a, n), want = r(a, n);
            hp_check_free(a, mis);
            if (got != want)
                return hp_check_fail(msg, len, v, "length %zu, misalignment %zu: got %d, want %d",
                                     n, mis, (int)got, (int)want);
        }
    }
    return 0;
}
