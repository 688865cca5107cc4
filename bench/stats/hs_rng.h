/* xoshiro256++ (Blackman and Vigna): fast, and good enough that the
 * bootstrap's resamples are indistinguishable from independent draws.
 * Seeded through splitmix64, as its authors recommend. */
#ifndef HOTPATH_HS_RNG_H
#define HOTPATH_HS_RNG_H

#include <stdint.h>

typedef struct hs_rng {
    uint64_t s[4];
} hs_rng;

static inline uint64_t hs_splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static inline void hs_rng_seed(hs_rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = hs_splitmix64(&seed);
}

static inline uint64_t hs_rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t hs_rng_next(hs_rng *r)
{
    uint64_t *s = r->s;
    const uint64_t out = hs_rotl(s[0] + s[3], 23) + s[0];
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = hs_rotl(s[3], 45);
    return out;
}

/* Uniform in [0, n) from 32 random bits by multiply-shift (Lemire): the
 * bias is below n / 2^32, far under anything a bootstrap can see. */
static inline uint32_t hs_below(uint32_t bits, uint32_t n)
{
    return (uint32_t)(((uint64_t)bits * n) >> 32);
}

/* Uniform double in [0, 1). */
static inline double hs_rng_unit(hs_rng *r)
{
    return (double)(hs_rng_next(r) >> 11) * 0x1.0p-53;
}

#endif
