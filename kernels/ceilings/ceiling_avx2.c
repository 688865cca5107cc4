/* Ceilings with 32-byte AVX2 vectors: bandwidth, FMA (vfmadd ymm) and
 * byte shuffles (vpshufb ymm). */
#include <immintrin.h>

#define HP_ISA avx2
#define HP_FEATURES HP_NEEDS_AVX2
#define HP_STR_(x) #x
#define HP_STR(x) HP_STR_(x)
#define V __m256i
#define VF __m256
#define W 32u
#define LOAD(p) _mm256_load_si256((const __m256i *)(p))
#define STORE(p, x) _mm256_store_si256((__m256i *)(p), x)
#define STREAM(p, x) _mm256_stream_si256((__m256i *)(p), x)
#define OR(a, b) _mm256_or_si256(a, b)
#define SPLAT64(v) _mm256_set1_epi64x((long long)(v))
#define LOW64(x) ((uint64_t)_mm256_extract_epi64(x, 0))
#define SPLATF(f) _mm256_set1_ps(f)
#define ADDF(a, b) _mm256_add_ps(a, b)
#define FMA 1
#define SHUFFLE 1

#include "ceiling_loops.inc"
