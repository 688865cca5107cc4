/* Ceilings with 64-byte AVX-512 vectors: bandwidth, FMA (vfmadd zmm) and
 * byte shuffles (vpshufb zmm, AVX512BW). */
#include <immintrin.h>

#define HP_ISA avx512
#define HP_FEATURES HP_NEEDS_AVX512
#define HP_STR_(x) #x
#define HP_STR(x) HP_STR_(x)
#define V __m512i
#define VF __m512
#define W 64u
#define LOAD(p) _mm512_load_si512((const void *)(p))
#define STORE(p, x) _mm512_store_si512((void *)(p), x)
#define STREAM(p, x) _mm512_stream_si512((void *)(p), x)
#define OR(a, b) _mm512_or_si512(a, b)
#define SPLAT64(v) _mm512_set1_epi64((long long)(v))
#define LOW64(x) ((uint64_t)_mm_cvtsi128_si64(_mm512_castsi512_si128(x)))
#define SPLATF(f) _mm512_set1_ps(f)
#define ADDF(a, b) _mm512_add_ps(a, b)
#define FMA 1
#define SHUFFLE 1

#include "ceiling_loops.inc"
