/* Registry lines of milestone 3 (kernels/inline_asm).  Each instruction is
 * a family named for its operation; its variants are the portable C or
 * compiler builtin it is compared with and the inline-asm helper itself.
 * tzcnt and lzcnt are encoded as rep bsf / rep bsr, which a CPU without
 * BMI1 / LZCNT silently runs as bsf / bsr: the feature bits below are what
 * keeps them off such a CPU, where the baseline variants still run. */
#include "inline_asm.h"
#include "registry.h"

static uint64_t bitop_bytes(uint64_t n) { return 2 * n * sizeof(uint64_t); }
static uint64_t tsc_bytes(uint64_t n) { return n * sizeof(uint64_t); }
static uint64_t tscp_bytes(uint64_t n) { return n * (sizeof(uint64_t) + sizeof(uint32_t)); }

const hp_family hp_fam_inline_asm[] = {
    {"rdtsc", "inline_asm", "builtin", "ops", tsc_bytes},
    {"rdtscp", "inline_asm", "builtin", "ops", tscp_bytes},
    {"cpuid", "inline_asm", "builtin", "ops", NULL},
    {"xgetbv", "inline_asm", "builtin", "ops", tsc_bytes},
    {"ctz", "inline_asm", "portable", "ops", bitop_bytes},
    {"clz", "inline_asm", "portable", "ops", bitop_bytes},
    {"popcnt", "inline_asm", "portable", "ops", bitop_bytes},
    {"bswap", "inline_asm", "portable", "ops", bitop_bytes},
    {"mfence", "inline_asm", "builtin", "ops", tsc_bytes},
    {"lfence", "inline_asm", "builtin", "ops", tsc_bytes},
    {"sfence", "inline_asm", "builtin", "ops", tsc_bytes},
    {"pause", "inline_asm", "builtin", "ops", NULL},
};

#define INLINE_ASM(X)                                         \
    X(rdtsc, builtin, AUTO, rdtsc, 0)                         \
    X(rdtsc, asm, ASM, rdtsc, 0)                              \
    X(rdtscp, builtin, AUTO, rdtscp, HP_FEAT_RDTSCP)          \
    X(rdtscp, asm, ASM, rdtscp, HP_FEAT_RDTSCP)               \
    X(cpuid, builtin, AUTO, cpuid, 0)                         \
    X(cpuid, asm, ASM, cpuid, 0)                              \
    X(xgetbv, builtin, AUTO, xgetbv, HP_FEAT_OSXSAVE)         \
    X(xgetbv, asm, ASM, xgetbv, HP_FEAT_OSXSAVE)              \
    X(ctz, portable, BASELINE, ctz, 0)                        \
    X(ctz, builtin, AUTO, ctz, 0)                             \
    X(ctz, builtin_bmi, AUTO, ctz_builtin_bmi, 0)             \
    X(ctz, bsf, ASM, ctz, 0)                                  \
    X(ctz, tzcnt, ASM, ctz, HP_FEAT_BMI1)                     \
    X(clz, portable, BASELINE, clz, 0)                        \
    X(clz, builtin, AUTO, clz, 0)                             \
    X(clz, builtin_lzcnt, AUTO, clz_builtin_lzcnt, 0)         \
    X(clz, bsr, ASM, clz, 0)                                  \
    X(clz, lzcnt, ASM, clz, HP_FEAT_LZCNT)                    \
    X(popcnt, portable, BASELINE, popcnt, 0)                  \
    X(popcnt, swar, ALGORITHM, popcnt, 0)                     \
    X(popcnt, builtin, AUTO, popcnt, 0)                       \
    X(popcnt, builtin_popcnt, AUTO, popcnt_builtin_popcnt, 0) \
    X(popcnt, asm, ASM, popcnt, HP_FEAT_POPCNT)               \
    X(bswap, portable, BASELINE, bswap, 0)                    \
    X(bswap, builtin, AUTO, bswap, 0)                         \
    X(bswap, asm, ASM, bswap, 0)                              \
    X(mfence, builtin, AUTO, fence, 0)                        \
    X(mfence, asm, ASM, fence, 0)                             \
    X(lfence, builtin, AUTO, fence, 0)                        \
    X(lfence, asm, ASM, fence, 0)                             \
    X(sfence, builtin, AUTO, fence, 0)                        \
    X(sfence, asm, ASM, fence, 0)                             \
    X(pause, builtin, AUTO, pause, 0)                         \
    X(pause, asm, ASM, pause, 0)

HP_REGISTRY(inline_asm, INLINE_ASM)

HP_TABLE_COUNTS(inline_asm)
