/* Milestone 3: inline assembly, the registry families.  Each instruction
 * is a family whose variants are the portable C or compiler builtin it is
 * compared with and the inline-asm helper itself (the helpers:
 * kernels/inline_asm/asm.h). */
#ifndef HOTPATH_INLINE_ASM_H
#define HOTPATH_INLINE_ASM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- registry families (kernels/inline_asm) ----
 *
 * The bit families ctz, clz, popcnt and bswap share one batch signature so
 * that a benchmark times the instruction, not an indirect call per value:
 *
 *   chained == 0 (throughput): out[i] = op(in[i]); the operations are
 *     independent and the CPU overlaps them;
 *   chained != 0 (latency):    out[i] = op(in[i] ^ out[i-1]), with
 *     out[-1] = 0; each operation waits for the previous result, so the
 *     loop runs at the latency of op plus one xor (plus the zero handling
 *     of the bsf/bsr variants).
 * ctz(0) = clz(0) = 64.  in and out hold n values (uint64_t arrays,
 * 8-byte aligned as the type requires); n = 0 touches neither. */
typedef void (*hp_bitop_fn)(const uint64_t *in, uint64_t *out, size_t n, int chained);
typedef hp_bitop_fn hp_ctz_fn;
typedef hp_bitop_fn hp_clz_fn;
typedef hp_bitop_fn hp_popcnt_fn;
typedef hp_bitop_fn hp_bswap_fn;

/* out[i] = the TSC at the i-th of n back-to-back reads. */
typedef void (*hp_rdtsc_fn)(uint64_t *out, size_t n);
/* Likewise, with aux[i] = IA32_TSC_AUX at that read. */
typedef void (*hp_rdtscp_fn)(uint64_t *out, uint32_t *aux, size_t n);
/* Executes cpuid(leaf, subleaf) n times; out holds the last answer
 * (eax, ebx, ecx, edx); n = 0 leaves it untouched. */
typedef void (*hp_cpuid_fn)(uint32_t leaf, uint32_t subleaf, uint32_t out[4], size_t n);
/* out[i] = XCR[index], read n times.  Needs HP_FEAT_OSXSAVE; index 0
 * (XCR0) always exists. */
typedef void (*hp_xgetbv_fn)(uint32_t index, uint64_t *out, size_t n);
/* mfence, lfence, sfence: out[i] = i, each store followed by the fence,
 * so the fence has a store in flight to wait for. */
typedef void (*hp_fence_fn)(uint64_t *out, size_t n);
typedef hp_fence_fn hp_mfence_fn;
typedef hp_fence_fn hp_lfence_fn;
typedef hp_fence_fn hp_sfence_fn;
/* n pause instructions back to back. */
typedef void (*hp_pause_fn)(size_t n);

#define HP_BITOP_DECLARE(fam, v) \
    void hp_##fam##_##v(const uint64_t *in, uint64_t *out, size_t n, int chained);

/* Reference (portable C), builtin twins, and the instructions themselves.
 * Suffixed names are built with that file's ISA flag (CMakeLists.txt). */
HP_BITOP_DECLARE(ctz, portable)
HP_BITOP_DECLARE(ctz, builtin)
HP_BITOP_DECLARE(ctz, builtin_bmi)
HP_BITOP_DECLARE(ctz, bsf)
HP_BITOP_DECLARE(ctz, tzcnt)
HP_BITOP_DECLARE(clz, portable)
HP_BITOP_DECLARE(clz, builtin)
HP_BITOP_DECLARE(clz, builtin_lzcnt)
HP_BITOP_DECLARE(clz, bsr)
HP_BITOP_DECLARE(clz, lzcnt)
HP_BITOP_DECLARE(popcnt, portable)
HP_BITOP_DECLARE(popcnt, swar)
HP_BITOP_DECLARE(popcnt, builtin)
HP_BITOP_DECLARE(popcnt, builtin_popcnt)
HP_BITOP_DECLARE(popcnt, asm)
HP_BITOP_DECLARE(bswap, portable)
HP_BITOP_DECLARE(bswap, builtin)
HP_BITOP_DECLARE(bswap, asm)

void hp_rdtsc_builtin(uint64_t *out, size_t n);
void hp_rdtsc_asm(uint64_t *out, size_t n);
void hp_rdtscp_builtin(uint64_t *out, uint32_t *aux, size_t n);
void hp_rdtscp_asm(uint64_t *out, uint32_t *aux, size_t n);
void hp_cpuid_builtin(uint32_t leaf, uint32_t subleaf, uint32_t out[4], size_t n);
void hp_cpuid_asm(uint32_t leaf, uint32_t subleaf, uint32_t out[4], size_t n);
void hp_xgetbv_builtin(uint32_t index, uint64_t *out, size_t n);
void hp_xgetbv_asm(uint32_t index, uint64_t *out, size_t n);
void hp_mfence_builtin(uint64_t *out, size_t n);
void hp_mfence_asm(uint64_t *out, size_t n);
void hp_lfence_builtin(uint64_t *out, size_t n);
void hp_lfence_asm(uint64_t *out, size_t n);
void hp_sfence_builtin(uint64_t *out, size_t n);
void hp_sfence_asm(uint64_t *out, size_t n);
void hp_pause_builtin(size_t n);
void hp_pause_asm(size_t n);

#ifdef __cplusplus
}
#endif
#endif
