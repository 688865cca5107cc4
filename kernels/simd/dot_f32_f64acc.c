/* dot_f32, f64acc: the family's reference.  Each product of two floats is
 * exact in double (24 + 24 significant bits < 53) and the double sum's own
 * error, gamma_n in double units, is about 2^29 times smaller than any
 * float variant's bound: the gate and the tests measure every float
 * variant against this value. */
#include "simd.h"

float hp_dot_f32_f64acc(const float *a, const float *b, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += (double)a[i] * (double)b[i];
    return (float)s;
}
