/* Scalar heads, tails and fix-ups shared by the vector variants of
 * milestone 4 (see simd_tail.h).  Baseline x86-64, like every generic file. */
#include "simd_tail.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

void hp_simd_add_tail(const float *a, const float *b, float *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = a[i] + b[i];
}

float hp_simd_dot_tail(const float *a, const float *b, size_t n)
{
    float s = 0.0f;
    for (size_t i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

float hp_simd_max_tail(const float *a, size_t n, float m)
{
    for (size_t i = 0; i < n; i++)
        m = a[i] > m ? a[i] : m;
    return m;
}

float hp_simd_max_resolve(const float *a, size_t n, float m)
{
    if (m == -INFINITY) {
        for (size_t i = 0; i < n; i++)
            if (!isnan(a[i]))
                return m; /* a real -INFINITY: not every element is NaN */
        return NAN;
    }
    if (m == 0.0f) {
        for (size_t i = 0; i < n; i++) {
            uint32_t bits;
            memcpy(&bits, &a[i], sizeof bits);
            if (bits == 0)
                return 0.0f;
        }
        return -0.0f;
    }
    return m;
}
