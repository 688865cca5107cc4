/* max_f32, scalar: the reference, the family's rule written out one
 * element at a time (vectorizer off): NaNs are ignored unless every
 * element is NaN, +0.0 is greater than -0.0, empty gives -INFINITY. */
#include "../hp_kernel.h"
#include "simd.h"

#include <math.h>

HP_NO_VECTORIZE float hp_max_f32_scalar(const float *a, size_t n)
{
    float m = -INFINITY;
    int seen = 0; /* a non-NaN element */
    HP_SCALAR_LOOP
    for (size_t i = 0; i < n; i++) {
        const float x = a[i];
        if (isnan(x))
            continue;
        seen = 1;
        if (x > m || (x == m && !signbit(x)))
            m = x; /* x == m: equal values, or +0.0 meeting -0.0 */
    }
    return n == 0 || seen ? m : NAN;
}
