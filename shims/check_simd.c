/* Checks of milestone 4: every add_f32, dot_f32 and max_f32 variant
 * (and peer) against its family's reference at every length 0..257 and at
 * random lengths up to 70000, with a, b and out each at its own offset
 * from a 64-byte boundary, in exact-size heap buffers.
 *
 * add and max must match the reference bit for bit (any two NaNs count as
 * equal: which payload survives is not part of the contract).  dot may sum
 * in any order, so it must lie within the proven bound of float dot
 * products (Higham, Accuracy and Stability, 3.1): |got - exact| <=
 * gamma_n * sum|a_i*b_i|, gamma_n = n*u/(1 - n*u), u = 2^-24.  The
 * reference (double accumulation, then one rounding to float) is itself
 * within u*|exact| plus a double-sized error, so |got - want| is checked
 * against gamma_{n+2} * sum|a_i*b_i|, which covers both. */
#include "check.h"
#include "rng.h"
#include "simd.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N_FIXED 258  /* every length 0..257 */
#define N_RANDOM 12  /* then random lengths */
#define MAX_RANDOM 70000

static size_t length(hp_rng *rng, size_t k)
{
    return k < N_FIXED ? k : 258 + hp_rng_below(rng, MAX_RANDOM - 258);
}

/* Byte offset of the j-th buffer for the k-th length: whole floats, 0..60,
 * different for a, b and out. */
static size_t offset(size_t k, size_t j)
{
    return 4 * ((k * (2 * j + 1) + 5 * j) % 16);
}

/* A float with a random sign, significand and exponent in [-8, 8): no
 * overflow or underflow in sums and products of a few thousand of them. */
static float random_float(hp_rng *rng)
{
    const uint64_t r = hp_rng_next(rng);
    const float m = (float)(r & 0xFFFFFF) / (float)(1 << 24);
    const float x = ldexpf(m, (int)((r >> 24) % 16) - 8);
    return (r >> 40) & 1 ? -x : x;
}

static int same(float x, float y)
{
    return (isnan(x) && isnan(y)) || memcmp(&x, &y, sizeof x) == 0;
}

/* add: random bit patterns (NaNs, infinities, subnormals and all), then
 * out == a and out == b. */
int hp_check_add_f32(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_add_f32_fn f = (hp_add_f32_fn)v->fn, r = (hp_add_f32_fn)ref->fn;
    hp_rng rng = {41};
    for (size_t k = 0; k < N_FIXED + N_RANDOM; k++) {
        const size_t n = length(&rng, k), bytes = n * sizeof(float);
        const size_t oa = offset(k, 0), ob = offset(k, 1), oo = offset(k, 2);
        float *a = hp_check_alloc(bytes, oa), *b = hp_check_alloc(bytes, ob);
        float *out = hp_check_alloc(bytes, oo), *want = hp_check_alloc(bytes, 0);
        int bad = !a || !b || !out || !want;
        if (!bad) {
            hp_rng_fill(&rng, a, bytes);
            hp_rng_fill(&rng, b, bytes);
            r(a, b, want, n);
            for (int alias = 0; alias < 3 && !bad; alias++) {
                /* 0: separate out; 1: out == a; 2: out == b (restored after) */
                float *dst = alias == 0 ? out : alias == 1 ? a : b;
                if (alias)
                    memcpy(out, dst, bytes);
                f(a, b, dst, n);
                for (size_t i = 0; i < n; i++)
                    if (!same(dst[i], want[i])) {
                        hp_check_fail(msg, len, v, "length %zu, offsets %zu/%zu/%zu%s: "
                                     "out[%zu] = %a, want %a", n, oa, ob, oo,
                                     alias == 1 ? ", out == a" : alias == 2 ? ", out == b" : "",
                                     i, dst[i], want[i]);
                        bad = 2;
                        break;
                    }
                if (alias)
                    memcpy(dst, out, bytes);
            }
        }
        hp_check_free(a, oa);
        hp_check_free(b, ob);
        hp_check_free(out, oo);
        hp_check_free(want, 0);
        if (bad)
            return bad == 2 ? 1 : hp_check_fail(msg, len, v, "out of memory");
    }
    return 0;
}

static double gamma_n(size_t n)
{
    const double nu = (double)n * 0x1p-24;
    return nu / (1.0 - nu);
}

int hp_check_dot_f32(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_dot_f32_fn f = (hp_dot_f32_fn)v->fn, r = (hp_dot_f32_fn)ref->fn;
    const float x[] = {1, 2, 3, 4}, y[] = {5, 6, 7, 8};
    if (f(x, y, 4) != 70.0f)
        return hp_check_fail(msg, len, v, "[1,2,3,4].[5,6,7,8] = %a, want 70 exactly",
                            f(x, y, 4));
    hp_rng rng = {43};
    for (size_t k = 0; k < N_FIXED + N_RANDOM; k++) {
        const size_t n = length(&rng, k), bytes = n * sizeof(float);
        const size_t oa = offset(k, 0), ob = offset(k, 1);
        float *a = hp_check_alloc(bytes, oa), *b = hp_check_alloc(bytes, ob);
        if (!a || !b) {
            hp_check_free(a, oa);
            hp_check_free(b, ob);
            return hp_check_fail(msg, len, v, "out of memory");
        }
        double abs_sum = 0.0; /* sum |a_i*b_i|: each product exact in double */
        for (size_t i = 0; i < n; i++) {
            a[i] = random_float(&rng);
            b[i] = random_float(&rng);
            abs_sum += fabs((double)a[i] * b[i]);
        }
        const float got = f(a, b, n), want = r(a, b, n);
        const double bound = gamma_n(n + 2) * abs_sum;
        hp_check_free(a, oa);
        hp_check_free(b, ob);
        if (!(fabs((double)got - want) <= bound))
            return hp_check_fail(msg, len, v, "length %zu, offsets %zu/%zu: got %.9g, want %.9g, "
                                "|error| %.3g > bound %.3g", n, oa, ob, got, want,
                                fabs((double)got - want), bound);
    }
    return 0;
}

/* max: each length gets one of four kinds of data, in turn: random values;
 * random values with NaNs; non-positive values with zeros of both signs;
 * all NaN. */
static void fill_max(hp_rng *rng, float *a, size_t n, unsigned kind)
{
    for (size_t i = 0; i < n; i++) {
        const uint64_t r = hp_rng_next(rng);
        float x = random_float(rng);
        if (kind == 1 && r % 5 == 0)
            x = NAN;
        if (kind == 2)
            x = r % 4 == 0 ? -0.0f : r % 4 == 1 ? (r & 64 ? 0.0f : -0.0f) : -fabsf(x);
        if (kind == 3)
            x = NAN;
        a[i] = x;
    }
}

int hp_check_max_f32(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_max_f32_fn f = (hp_max_f32_fn)v->fn, r = (hp_max_f32_fn)ref->fn;
    static const char *const kinds[] = {"random", "with NaNs", "non-positive with zeros",
                                        "all NaN"};
    hp_rng rng = {47};
    for (size_t k = 0; k < 4 * (N_FIXED + N_RANDOM); k++) {
        const unsigned kind = (unsigned)(k % 4);
        const size_t n = length(&rng, k / 4), oa = offset(k, 0);
        float *a = hp_check_alloc(n * sizeof(float), oa);
        if (!a)
            return hp_check_fail(msg, len, v, "out of memory");
        fill_max(&rng, a, n, kind);
        const float got = f(a, n), want = r(a, n);
        hp_check_free(a, oa);
        if (!same(got, want))
            return hp_check_fail(msg, len, v, "length %zu (%s), offset %zu: got %a, want %a", n,
                                kinds[kind], oa, got, want);
    }
    return 0;
}
