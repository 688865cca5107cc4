/* Registry lines of milestone 5 (kernels/syscall): strlen from the byte
 * loop to AVX-512.  The syscall and call costs are not families: their
 * "variants" (libc vs raw getpid, vDSO vs raw clock_gettime, one write vs
 * N) do different work with no common answer a gate could compare, so
 * bench/bench_syscall.cc times them as plain benchmarks and the tests check
 * each on its own terms. */
#include "registry.h"
#include "syscall.h"

/* Reads the string and its terminator. */
static uint64_t strlen_bytes_touched(uint64_t n) { return n + 1; }

const hp_family hp_fam_syscall[] = {
    {"strlen", "syscall", "naive", "bytes", strlen_bytes_touched},
};

/* The fastest comes last (hp_best). */
const hp_variant hp_reg_syscall[] = {
    HP_V(strlen, naive, BASELINE, 0),
    HP_V(strlen, bytes, BASELINE, 0),
    HP_V(strlen, swar, ALGORITHM, 0),
    HP_V(strlen, sse2, SIMD, HP_NEEDS_SSE2),
    HP_V(strlen, asm_avx2, ASM, HP_NEEDS_AVX2),
    HP_V(strlen, avx2, SIMD, HP_NEEDS_AVX2),
    HP_V(strlen, avx512, SIMD, HP_NEEDS_AVX512),
};

HP_TABLE_COUNTS(syscall)
