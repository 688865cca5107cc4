/* CPU features: the HP_FEAT_* bits the CPU layer detects and a variant
 * needs, the x86-64 psABI levels, and what a file compiled with its ISA
 * suffix's flags may use (HP_NEEDS_*).  Part of the CPU layer, so
 * kernels/cpu includes nothing from shims/; shims/hotpath.h includes it. */
#ifndef HOTPATH_CPU_FEATURES_H
#define HOTPATH_CPU_FEATURES_H

#include <stdint.h>

/* CPU features a variant may need (HP_FEAT_* bits of hp_variant.features). */
enum {
    HP_FEAT_SSE2        = 1u << 0,
    HP_FEAT_SSE3        = 1u << 1,
    HP_FEAT_SSSE3       = 1u << 2,
    HP_FEAT_SSE41       = 1u << 3,
    HP_FEAT_SSE42       = 1u << 4,
    HP_FEAT_POPCNT      = 1u << 5,
    HP_FEAT_AVX         = 1u << 6,
    HP_FEAT_AVX2        = 1u << 7,
    HP_FEAT_FMA         = 1u << 8,
    HP_FEAT_BMI1        = 1u << 9,
    HP_FEAT_BMI2        = 1u << 10,
    HP_FEAT_LZCNT       = 1u << 11,
    HP_FEAT_MOVBE       = 1u << 12,
    HP_FEAT_F16C        = 1u << 13,
    HP_FEAT_AVX512F     = 1u << 14,
    HP_FEAT_AVX512BW    = 1u << 15,
    HP_FEAT_AVX512CD    = 1u << 16,
    HP_FEAT_AVX512DQ    = 1u << 17,
    HP_FEAT_AVX512VL    = 1u << 18,
    HP_FEAT_AVX512VBMI  = 1u << 19,
    HP_FEAT_AVX512VBMI2 = 1u << 20,
    HP_FEAT_RDTSCP      = 1u << 21,
    HP_FEAT_CX16        = 1u << 22,
    HP_FEAT_OSXSAVE     = 1u << 23, /* the OS enabled xgetbv (CPUID.1:ECX.27) */
};

/* Feature sets of the x86-64 psABI levels, cumulative. */
#define HP_LEVEL_V1 ((uint64_t)HP_FEAT_SSE2)
#define HP_LEVEL_V2 (HP_LEVEL_V1 | HP_FEAT_SSE3 | HP_FEAT_SSSE3 | HP_FEAT_SSE41 | \
                     HP_FEAT_SSE42 | HP_FEAT_POPCNT | HP_FEAT_CX16)
#define HP_LEVEL_V3 (HP_LEVEL_V2 | HP_FEAT_AVX | HP_FEAT_AVX2 | HP_FEAT_FMA | \
                     HP_FEAT_BMI1 | HP_FEAT_BMI2 | HP_FEAT_LZCNT | HP_FEAT_MOVBE | \
                     HP_FEAT_F16C)
#define HP_LEVEL_V4 (HP_LEVEL_V3 | HP_FEAT_AVX512F | HP_FEAT_AVX512BW | \
                     HP_FEAT_AVX512CD | HP_FEAT_AVX512DQ | HP_FEAT_AVX512VL)

/* What a file compiled with its suffix's flags (CMakeLists.txt,
 * hp_suffix_isa) may use: the features its variants need, which the
 * registry takes from the file (shims/registry.h, HP_V). */
#define HP_NEEDS_SSE2        ((uint64_t)HP_FEAT_SSE2)
#define HP_NEEDS_SSSE3       (HP_NEEDS_SSE2 | HP_FEAT_SSE3 | HP_FEAT_SSSE3)
#define HP_NEEDS_SSE41       (HP_NEEDS_SSSE3 | HP_FEAT_SSE41)
#define HP_NEEDS_SSE42       (HP_NEEDS_SSE41 | HP_FEAT_SSE42 | HP_FEAT_POPCNT)
#define HP_NEEDS_AVX2        (HP_NEEDS_SSE42 | HP_FEAT_AVX | HP_FEAT_AVX2 | HP_FEAT_FMA)
#define HP_NEEDS_AVX512      (HP_NEEDS_AVX2 | HP_FEAT_AVX512F | HP_FEAT_AVX512BW | \
                              HP_FEAT_AVX512VL | HP_FEAT_AVX512DQ | HP_FEAT_AVX512CD)
#define HP_NEEDS_AVX512VBMI  (HP_NEEDS_AVX512 | HP_FEAT_AVX512VBMI | HP_FEAT_AVX512VBMI2)

#endif
