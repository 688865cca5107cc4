/* Registry lines of milestone 6 (kernels/base64).  Within each family the
 * preferred fast path comes last (hp_best picks the last runnable one):
 * journey order, except that each .S variant comes before the intrinsics
 * one of its ISA (asm_avx2 before avx2, asm before avx512vbmi): the .S
 * files are the same loops by hand, and the intrinsics ones are the
 * maintained default. */
#include "base64.h"
#include "registry.h"

/* Encode reads n bytes and writes 4*ceil(n/3); decode (size = characters
 * of encoded input) reads n and writes 3n/4. */
static uint64_t encode_bytes(uint64_t n) { return n + (n + 2) / 3 * 4; }
static uint64_t decode_bytes(uint64_t n) { return n + n / 4 * 3; }

const hp_family hp_fam_base64[] = {
    {"base64_encode", "base64", "naive", "bytes", encode_bytes},
    {"base64_decode", "base64", "naive", "bytes", decode_bytes},
};

#define BASE64(X)                                                   \
    X(base64_encode, naive, BASELINE, base64_encode_naive, 0)       \
    X(base64_encode, table, ALGORITHM, base64_encode_table, 0)      \
    X(base64_encode, ssse3, SIMD, base64_encode_ssse3, 0)           \
    X(base64_encode, asm_avx2, ASM, base64_encode_asm_avx2, 0)      \
    X(base64_encode, avx2, SIMD, base64_encode_avx2, 0)             \
    X(base64_encode, asm, ASM, base64_encode_asm_avx512vbmi, 0)     \
    X(base64_encode, avx512vbmi, SIMD, base64_encode_avx512vbmi, 0) \
    X(base64_decode, naive, BASELINE, base64_decode_naive, 0)       \
    X(base64_decode, table, ALGORITHM, base64_decode_table, 0)      \
    X(base64_decode, ssse3, SIMD, base64_decode_ssse3, 0)           \
    X(base64_decode, asm_avx2, ASM, base64_decode_asm_avx2, 0)      \
    X(base64_decode, avx2, SIMD, base64_decode_avx2, 0)             \
    X(base64_decode, asm, ASM, base64_decode_asm_avx512vbmi, 0)     \
    X(base64_decode, avx512vbmi, SIMD, base64_decode_avx512vbmi, 0)

HP_REGISTRY(base64, BASE64)

HP_TABLE_COUNTS(base64)
