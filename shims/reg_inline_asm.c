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

const hp_variant hp_reg_inline_asm[] = {
    HP_V(rdtsc, builtin, AUTO, rdtsc, 0),
    HP_V(rdtsc, asm, ASM, rdtsc, 0),
    HP_V(rdtscp, builtin, AUTO, rdtscp, HP_FEAT_RDTSCP),
    HP_V(rdtscp, asm, ASM, rdtscp, HP_FEAT_RDTSCP),
    HP_V(cpuid, builtin, AUTO, cpuid, 0),
    HP_V(cpuid, asm, ASM, cpuid, 0),
    HP_V(xgetbv, builtin, AUTO, xgetbv, HP_FEAT_OSXSAVE),
    HP_V(xgetbv, asm, ASM, xgetbv, HP_FEAT_OSXSAVE),

    HP_V(ctz, portable, BASELINE, ctz, 0),
    HP_V(ctz, builtin, AUTO, ctz, 0),
    HP_V(ctz, builtin_bmi, AUTO, ctz_builtin_bmi, 0),
    HP_V(ctz, bsf, ASM, ctz, 0),
    HP_V(ctz, tzcnt, ASM, ctz, HP_FEAT_BMI1),
    HP_V(clz, portable, BASELINE, clz, 0),
    HP_V(clz, builtin, AUTO, clz, 0),
    HP_V(clz, builtin_lzcnt, AUTO, clz_builtin_lzcnt, 0),
    HP_V(clz, bsr, ASM, clz, 0),
    HP_V(clz, lzcnt, ASM, clz, HP_FEAT_LZCNT),
    HP_V(popcnt, portable, BASELINE, popcnt, 0),
    HP_V(popcnt, swar, ALGORITHM, popcnt, 0),
    HP_V(popcnt, builtin, AUTO, popcnt, 0),
    HP_V(popcnt, builtin_popcnt, AUTO, popcnt_builtin_popcnt, 0),
    HP_V(popcnt, asm, ASM, popcnt, HP_FEAT_POPCNT),
    HP_V(bswap, portable, BASELINE, bswap, 0),
    HP_V(bswap, builtin, AUTO, bswap, 0),
    HP_V(bswap, asm, ASM, bswap, 0),

    HP_V(mfence, builtin, AUTO, fence, 0),
    HP_V(mfence, asm, ASM, fence, 0),
    HP_V(lfence, builtin, AUTO, fence, 0),
    HP_V(lfence, asm, ASM, fence, 0),
    HP_V(sfence, builtin, AUTO, fence, 0),
    HP_V(sfence, asm, ASM, fence, 0),
    HP_V(pause, builtin, AUTO, pause, 0),
    HP_V(pause, asm, ASM, pause, 0),
};

HP_TABLE_COUNTS(inline_asm)
