/* Feature detection with milestone 3's own cpuid/xgetbv helpers.
 * Built for the x86-64 baseline only: if this file were compiled with
 * -mavx2, the compiler could use AVX2 in the very code that decides
 * whether AVX2 may be used. */
#include "cpu.h"

#include "features.h"
#include "inline_asm/asm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__AVX__)
#error "kernels/cpu must be compiled for the x86-64 baseline"
#endif

/* XCR0 state components the OS must save for a register file to be usable. */
#define XCR0_SSE    (1u << 1)
#define XCR0_YMM    (1u << 2)
#define XCR0_OPMASK (1u << 5)
#define XCR0_ZMM_HI (1u << 6) /* upper halves of zmm0-15 */
#define XCR0_HI_ZMM (1u << 7) /* zmm16-31 */

static uint64_t detect(void)
{
    uint32_t r[4], max_leaf, max_ext;
    uint64_t f = 0;

    hp_asm_cpuid(0, 0, r);
    max_leaf = r[0];
    if (max_leaf < 1)
        return 0;

    hp_asm_cpuid(1, 0, r);
    const uint32_t ecx1 = r[2], edx1 = r[3];
    if (edx1 & (1u << 26)) f |= HP_FEAT_SSE2;
    if (ecx1 & (1u << 0))  f |= HP_FEAT_SSE3;
    if (ecx1 & (1u << 9))  f |= HP_FEAT_SSSE3;
    if (ecx1 & (1u << 13)) f |= HP_FEAT_CX16;
    if (ecx1 & (1u << 19)) f |= HP_FEAT_SSE41;
    if (ecx1 & (1u << 20)) f |= HP_FEAT_SSE42;
    if (ecx1 & (1u << 22)) f |= HP_FEAT_MOVBE;
    if (ecx1 & (1u << 23)) f |= HP_FEAT_POPCNT;
    if (ecx1 & (1u << 27)) f |= HP_FEAT_OSXSAVE;

    /* AVX and everything built on it needs the OS to save YMM (and, for
     * AVX-512, opmask and ZMM) state: cpuid alone is not enough. */
    uint64_t xcr0 = 0;
    if (ecx1 & (1u << 27)) /* OSXSAVE: xgetbv is allowed */
        xcr0 = hp_asm_xgetbv(0);
    const int os_ymm = (xcr0 & (XCR0_SSE | XCR0_YMM)) == (XCR0_SSE | XCR0_YMM);
    const uint64_t zmm_bits = XCR0_SSE | XCR0_YMM | XCR0_OPMASK | XCR0_ZMM_HI | XCR0_HI_ZMM;
    const int os_zmm = (xcr0 & zmm_bits) == zmm_bits;

    if (os_ymm) {
        if (ecx1 & (1u << 28)) f |= HP_FEAT_AVX;
        if (ecx1 & (1u << 12)) f |= HP_FEAT_FMA;
        if (ecx1 & (1u << 29)) f |= HP_FEAT_F16C;
    }

    if (max_leaf >= 7) {
        hp_asm_cpuid(7, 0, r);
        const uint32_t ebx7 = r[1], ecx7 = r[2];
        if (ebx7 & (1u << 3)) f |= HP_FEAT_BMI1;
        if (ebx7 & (1u << 8)) f |= HP_FEAT_BMI2;
        if (os_ymm && (ebx7 & (1u << 5))) f |= HP_FEAT_AVX2;
        if (os_zmm) {
            if (ebx7 & (1u << 16)) f |= HP_FEAT_AVX512F;
            if (ebx7 & (1u << 17)) f |= HP_FEAT_AVX512DQ;
            if (ebx7 & (1u << 28)) f |= HP_FEAT_AVX512CD;
            if (ebx7 & (1u << 30)) f |= HP_FEAT_AVX512BW;
            if (ebx7 & (1u << 31)) f |= HP_FEAT_AVX512VL;
            if (ecx7 & (1u << 1))  f |= HP_FEAT_AVX512VBMI;
            if (ecx7 & (1u << 6))  f |= HP_FEAT_AVX512VBMI2;
        }
    }

    hp_asm_cpuid(0x80000000u, 0, r);
    max_ext = r[0];
    if (max_ext >= 0x80000001u) {
        hp_asm_cpuid(0x80000001u, 0, r);
        if (r[2] & (1u << 5))  f |= HP_FEAT_LZCNT; /* ABM/LZCNT */
        if (r[3] & (1u << 27)) f |= HP_FEAT_RDTSCP;
    }
    return f;
}

uint64_t hp_cpu_detected(void)
{
    /* Detection is idempotent, so a race between two first callers only
     * repeats the work; the relaxed atomics keep it free of data races. */
    static uint64_t cached;
    static int done;
    if (!__atomic_load_n(&done, __ATOMIC_ACQUIRE)) {
        __atomic_store_n(&cached, detect(), __ATOMIC_RELAXED);
        __atomic_store_n(&done, 1, __ATOMIC_RELEASE);
    }
    return __atomic_load_n(&cached, __ATOMIC_RELAXED);
}

/* Features that no ISA cap withholds: they are not vector levels. */
#define CAP_ALWAYS ((uint64_t)(HP_FEAT_RDTSCP | HP_FEAT_OSXSAVE))

static const struct {
    const char *name;
    uint64_t mask;
} caps[] = {
    {"v1", HP_LEVEL_V1},
    {"v2", HP_LEVEL_V2},
    {"v3", HP_LEVEL_V3},
    {"v4", HP_LEVEL_V4},
    {"scalar", 0},
    {"sse2", HP_FEAT_SSE2},
    {"ssse3", HP_FEAT_SSE2 | HP_FEAT_SSE3 | HP_FEAT_SSSE3},
    {"avx2", HP_LEVEL_V3},
    {"avx512", ~(uint64_t)0},
};

#define CAP_LIST "v1|v2|v3|v4|scalar|sse2|ssse3|avx2|avx512"

static int cap_index(const char **name_out)
{
    const char *s = getenv("HOTPATH_ISA");
    if (name_out)
        *name_out = s;
    if (!s || !*s)
        return -1;
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
        if (strcmp(s, caps[i].name) == 0)
            return (int)i;
    return -2;
}

int hp_cpu_cap_check(const char **err)
{
    static char msg[160];
    const char *s;
    if (cap_index(&s) != -2)
        return 0;
    snprintf(msg, sizeof msg, "HOTPATH_ISA='%.40s' is not a known cap; accepted: " CAP_LIST, s);
    if (err)
        *err = msg;
    return -1;
}

const char *hp_cpu_cap_name(void)
{
    const char *s;
    int i = cap_index(&s);
    return i >= 0 ? caps[i].name : i == -1 ? "none" : "invalid";
}

uint64_t hp_cpu_cap_mask(void)
{
    int i = cap_index(NULL);
    if (i == -1)
        return ~(uint64_t)0;
    if (i == -2)
        return 0; /* an invalid cap offers nothing; callers report the error */
    return caps[i].mask | CAP_ALWAYS;
}

uint64_t hp_cpu_features(void)
{
    return hp_cpu_detected() & hp_cpu_cap_mask();
}

int hp_cpu_level(uint64_t f)
{
    if ((f & HP_LEVEL_V4) == HP_LEVEL_V4) return 4;
    if ((f & HP_LEVEL_V3) == HP_LEVEL_V3) return 3;
    if ((f & HP_LEVEL_V2) == HP_LEVEL_V2) return 2;
    if ((f & HP_LEVEL_V1) == HP_LEVEL_V1) return 1;
    return 0;
}

const char *hp_cpu_model(void)
{
    static char brand[49];
    uint32_t r[4];
    hp_asm_cpuid(0x80000000u, 0, r);
    if (r[0] < 0x80000004u)
        return "unknown";
    for (uint32_t i = 0; i < 3; i++) {
        hp_asm_cpuid(0x80000002u + i, 0, r);
        memcpy(brand + 16 * i, r, 16);
    }
    brand[48] = '\0';
    /* The brand string is space-padded on some parts. */
    char *p = brand;
    while (*p == ' ')
        p++;
    size_t n = strlen(p);
    while (n && p[n - 1] == ' ')
        p[--n] = '\0';
    return p;
}

static const char *const feat_names[] = {
    "sse2", "sse3", "ssse3", "sse4.1", "sse4.2", "popcnt", "avx", "avx2",
    "fma", "bmi1", "bmi2", "lzcnt", "movbe", "f16c", "avx512f", "avx512bw",
    "avx512cd", "avx512dq", "avx512vl", "avx512vbmi", "avx512vbmi2",
    "rdtscp", "cx16", "osxsave",
};

const char *hp_cpu_feature_name(uint64_t bit)
{
    for (size_t i = 0; i < sizeof feat_names / sizeof feat_names[0]; i++)
        if (bit == (uint64_t)1 << i)
            return feat_names[i];
    return "?";
}

const char *hp_cpu_feature_names(uint64_t f)
{
    static char buf[512];
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof feat_names / sizeof feat_names[0]; i++) {
        if (!(f & ((uint64_t)1 << i)))
            continue;
        int w = snprintf(buf + len, sizeof buf - len, "%s%s", len ? " " : "", feat_names[i]);
        if (w < 0 || (size_t)w >= sizeof buf - len)
            break;
        len += (size_t)w;
    }
    return buf;
}
