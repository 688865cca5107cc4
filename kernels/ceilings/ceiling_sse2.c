/* Ceilings with 16-byte SSE2 vectors: bandwidth only (SSE2 has neither FMA
 * nor a byte shuffle; pshufb is SSSE3). */
#include <immintrin.h>

#define HP_ISA sse2
#define HP_FEATURES HP_NEEDS_SSE2
#define HP_STR_(x) #x
#define HP_STR(x) HP_STR_(x)
#define V __m128i
#define W 16u
#define LOAD(p) _mm_load_si128((const __m128i *)(p))
#define STORE(p, x) _mm_store_si128((__m128i *)(p), x)
#define STREAM(p, x) _mm_stream_si128((__m128i *)(p), x)
#define OR(a, b) _mm_or_si128(a, b)
#define SPLAT64(v) _mm_set1_epi64x((long long)(v))
#define LOW64(x) ((uint64_t)_mm_cvtsi128_si64(x))

#include "ceiling_loops.inc"
