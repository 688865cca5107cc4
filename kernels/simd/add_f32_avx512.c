/* add_f32, AVX-512: four 16-float vectors per step, single vectors, and a
 * masked load/store for the last 0..15 elements (masked-off lanes are
 * neither read nor written, so they cannot fault past the buffer).
 *
 * Large arrays stream the output with non-temporal stores: a normal store
 * first reads the line it writes (read-for-ownership), so an add that
 * misses every cache moves 16 bytes per element instead of 12; streaming
 * skips that read.  Below the threshold the output usually still fits in
 * a cache a following kernel reads from, and streaming would push it out
 * to memory, so it only pays for arrays well past the last-level cache:
 * the threshold comes from the detected cache size (add_f32_stream.h). */
#include "simd.h"
#include "add_f32_stream.h"

#include <immintrin.h>
#include <stdint.h>

static inline __mmask16 first_lanes(size_t r) /* r < 16 */
{
    return _cvtu32_mask16((1u << r) - 1u);
}

/* out[i..i+r) = a[i..i+r) + b[i..i+r), r <= 16, masked. */
static inline void add_masked(const float *a, const float *b, float *out, size_t r)
{
    const __mmask16 k = r == 16 ? (__mmask16)0xFFFF : first_lanes(r);
    _mm512_mask_storeu_ps(out, k, _mm512_add_ps(_mm512_maskz_loadu_ps(k, a),
                                                _mm512_maskz_loadu_ps(k, b)));
}

static void add_stream(const float *a, const float *b, float *out, size_t n)
{
    /* Head: up to the first 64-byte boundary of out (a float pointer is
     * 4-byte aligned, so this is 0..15 whole elements). */
    size_t i = ((64 - ((uintptr_t)out & 63)) & 63) / sizeof(float);
    add_masked(a, b, out, i);
    for (; i + 16 <= n; i += 16)
        _mm512_stream_ps(out + i, _mm512_add_ps(_mm512_loadu_ps(a + i), _mm512_loadu_ps(b + i)));
    add_masked(a + i, b + i, out + i, n - i);
    /* Streaming stores are weakly ordered: make them visible before
     * returning, like any other store. */
    _mm_sfence();
}

void hp_add_f32_avx512(const float *a, const float *b, float *out, size_t n)
{
    if ((uint64_t)n * 12 > hp_add_f32_stream_bytes()) { /* a, b, out: 12n bytes */
        add_stream(a, b, out, n);
        return;
    }
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        /* out[i+16k..] = a[i+16k..] + b[i+16k..], k = 0..3 (aliasing as in
         * the other variants: same index, loads first) */
        for (size_t k = 0; k < 64; k += 16)
            _mm512_storeu_ps(out + i + k, _mm512_add_ps(_mm512_loadu_ps(a + i + k),
                                                        _mm512_loadu_ps(b + i + k)));
    }
    for (; i + 16 <= n; i += 16)
        _mm512_storeu_ps(out + i, _mm512_add_ps(_mm512_loadu_ps(a + i), _mm512_loadu_ps(b + i)));
    /* Only when elements are left: a masked store with an empty mask still
     * costs (measured here: 16 and 64 elements ran at 0.77x and 0.66x the
     * speed of the AVX2 variant, which has no masked tail). */
    if (i < n)
        add_masked(a + i, b + i, out + i, n - i);
}
