/* Check of milestone 5: every strlen variant against the reference at
 * every length 0..257 and every start offset within a cache line, in
 * exact-size heap buffers, plus random lengths up to 64 KiB. */
#include "check.h"
#include "rng.h"

#include <string.h>

/* A string of n non-zero bytes (random, so some have the high bit set)
 * starting mis bytes past a 64-byte boundary. */
static char *make_string(hp_rng *rng, size_t n, size_t mis)
{
    char *s = hp_check_alloc(n + 1, mis);
    if (!s)
        return NULL;
    hp_rng_fill(rng, s, n);
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\0')
            s[i] = (char)(1 + i % 255);
    s[n] = '\0';
    return s;
}

int hp_check_strlen(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_strlen_fn f = (hp_strlen_fn)v->fn, r = (hp_strlen_fn)ref->fn;
    hp_rng rng = {5};
    for (size_t k = 0; k <= 270; k++) {
        size_t n = k <= 257 ? k : hp_rng_below(&rng, 65536);
        for (size_t mis = 0; mis < 64; mis++) {
            char *s = make_string(&rng, n, mis);
            if (!s)
                return hp_check_fail(msg, len, v, "out of memory");
            size_t got = f(s), want = r(s);
            hp_check_free(s, mis);
            if (got != want)
                return hp_check_fail(msg, len, v, "length %zu, misalignment %zu: got %zu, want %zu",
                                    n, mis, got, want);
        }
    }
    return 0;
}
