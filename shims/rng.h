/* A small seeded PRNG (splitmix64) so the gate and the tests draw the same
 * "random" inputs on every run and a failure can be replayed. */
#ifndef HOTPATH_RNG_H
#define HOTPATH_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct hp_rng { uint64_t s; } hp_rng;

static inline uint64_t hp_rng_next(hp_rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n) for n > 0 (the modulo bias is irrelevant here). */
static inline uint64_t hp_rng_below(hp_rng *r, uint64_t n)
{
    return hp_rng_next(r) % n;
}

static inline void hp_rng_fill(hp_rng *r, void *dst, size_t n)
{
    unsigned char *p = (unsigned char *)dst;
    while (n) {
        uint64_t x = hp_rng_next(r);
        for (int i = 0; i < 8 && n; i++, n--, x >>= 8)
            *p++ = (unsigned char)x;
    }
}

#endif
