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

const hp_variant hp_reg_base64[] = {
    HP_V(base64_encode, naive, BASELINE, 0),
    HP_V(base64_encode, table, ALGORITHM, 0),
    HP_V(base64_encode, ssse3, SIMD, HP_NEEDS_SSSE3),
    HP_V(base64_encode, asm_avx2, ASM, HP_NEEDS_AVX2),
    HP_V(base64_encode, avx2, SIMD, HP_NEEDS_AVX2),
    HP_V(base64_encode, asm, ASM, HP_NEEDS_AVX512VBMI),
    HP_V(base64_encode, avx512vbmi, SIMD, HP_NEEDS_AVX512VBMI),
    HP_V(base64_decode, naive, BASELINE, 0),
    HP_V(base64_decode, table, ALGORITHM, 0),
    HP_V(base64_decode, ssse3, SIMD, HP_NEEDS_SSSE3),
    HP_V(base64_decode, asm_avx2, ASM, HP_NEEDS_AVX2),
    HP_V(base64_decode, avx2, SIMD, HP_NEEDS_AVX2),
    HP_V(base64_decode, asm, ASM, HP_NEEDS_AVX512VBMI),
    HP_V(base64_decode, avx512vbmi, SIMD, HP_NEEDS_AVX512VBMI),
};

HP_TABLE_COUNTS(base64)
