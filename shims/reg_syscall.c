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
#define SYSCALL(X)                              \
    X(strlen, naive, BASELINE, strlen_naive, 0) \
    X(strlen, bytes, BASELINE, strlen_bytes, 0) \
    X(strlen, swar, ALGORITHM, strlen_swar, 0)  \
    X(strlen, sse2, SIMD, strlen_sse2, 0)       \
    X(strlen, asm_avx2, ASM, strlen_asm_avx2, 0) \
    X(strlen, avx2, SIMD, strlen_avx2, 0)       \
    X(strlen, avx512, SIMD, strlen_avx512, 0)

HP_REGISTRY(syscall, SYSCALL)

HP_TABLE_COUNTS(syscall)
