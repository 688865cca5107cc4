/* add_f32, AVX2: four 8-float vectors per step (enough independent loads
 * to keep both load ports busy), single vectors, then the shared scalar
 * tail of at most 7 elements.  When a call touches more bytes than the
 * last-level cache holds (add_f32_stream.h), the output cannot stay
 * cached for anyone, and the main loop stores around the caches
 * (vmovntps): no read for ownership of each output line, so DRAM moves
 * 12 bytes per element instead of 16. */
#include "simd.h"
#include "simd_tail.h"
#include "add_f32_stream.h"

#include <immintrin.h>
#include <stdint.h>

/* out[i..i+32) = a + b with non-temporal stores; out + i is 32-aligned. */
static inline void add32_stream(const float *a, const float *b, float *out, size_t i)
{
    for (size_t k = 0; k < 32; k += 8)
        _mm256_stream_ps(out + i + k, _mm256_add_ps(_mm256_loadu_ps(a + i + k),
                                                    _mm256_loadu_ps(b + i + k)));
}

void hp_add_f32_avx2(const float *a, const float *b, float *out, size_t n)
{
    size_t i = 0;
    if ((uint64_t)n * 12 > hp_add_f32_stream_bytes()) {
        /* the 0..7 elements before out's first 32-byte boundary (float
         * pointers are 4-aligned), then aligned streaming stores */
        const size_t head = (32 - (uintptr_t)out % 32) % 32 / 4;
        hp_simd_add_tail(a, b, out, head);
        for (i = head; i + 32 <= n; i += 32)
            add32_stream(a, b, out, i);
        _mm_sfence(); /* the streamed stores are ordered before any later store */
    }
    for (; i + 32 <= n; i += 32) {
        /* out[i+8k..] = a[i+8k..] + b[i+8k..], k = 0..3; each store follows
         * the loads of its own elements, so out == a or out == b is fine */
        for (size_t k = 0; k < 32; k += 8)
            _mm256_storeu_ps(out + i + k, _mm256_add_ps(_mm256_loadu_ps(a + i + k),
                                                        _mm256_loadu_ps(b + i + k)));
    }
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(out + i, _mm256_add_ps(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i)));
    hp_simd_add_tail(a + i, b + i, out + i, n - i);
}
