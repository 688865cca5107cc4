/* Milestone 7: CPU effects.  Kernels that exist to make one effect of the
 * machine visible: branch prediction (branch_sum), cache locality
 * (pointer_chase, gather_sum) and instruction-level parallelism (ilp_imul,
 * ilp_fma).  Every variant of a family computes the same value; only the
 * way the CPU gets there differs.  Sums wrap (modulo 2^64): no UB. */
#ifndef HOTPATH_CPU_EFFECTS_H
#define HOTPATH_CPU_EFFECTS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Sum of the elements of a[0..n) greater than threshold. */
typedef int64_t (*hp_branch_sum_fn)(const int32_t *a, size_t n, int32_t threshold);

/* Follows i = next[i] from i = 0 for `steps` dependent loads and returns
 * the final i.  An index >= n stops the chase and returns
 * HP_CHASE_OUT_OF_RANGE (the check runs beside the load, off its
 * dependency chain, and never mispredicts on valid input). */
#define HP_CHASE_OUT_OF_RANGE UINT32_MAX
typedef uint32_t (*hp_pointer_chase_fn)(const uint32_t *next, size_t n, size_t steps);

/* Sum of a[idx[i]] for i < n_idx; an index >= n_a stops the sum and
 * returns HP_GATHER_OUT_OF_RANGE.  Identity indices make it a sequential
 * sum; a shuffled permutation sums the same elements in random order. */
#define HP_GATHER_OUT_OF_RANGE INT64_MIN
typedef int64_t (*hp_gather_sum_fn)(const int32_t *a, size_t n_a, const uint32_t *idx,
                                    size_t n_idx);

/* Advance 8 independent chains x[j] <- x[j]*m + c by `steps` steps each
 * (uint64_t, wrapping; float, one fused multiply-add per step).  The
 * variants chainsK keep K chains in flight at a time, so all compute the
 * same 8 values, bit for bit, and differ only in how much independent work
 * the CPU sees: 1 chain is latency-bound, 8 throughput-bound. */
#define HP_ILP_CHAINS 8
typedef void (*hp_ilp_imul_fn)(uint64_t x[HP_ILP_CHAINS], uint64_t m, uint64_t c, size_t steps);
typedef void (*hp_ilp_fma_fn)(float x[HP_ILP_CHAINS], float m, float c, size_t steps);

int64_t hp_branch_sum_branchy(const int32_t *a, size_t n, int32_t threshold);
int64_t hp_branch_sum_branchless(const int32_t *a, size_t n, int32_t threshold);
int64_t hp_branch_sum_auto(const int32_t *a, size_t n, int32_t threshold);

uint32_t hp_pointer_chase_scalar(const uint32_t *next, size_t n, size_t steps);

int64_t hp_gather_sum_scalar(const int32_t *a, size_t n_a, const uint32_t *idx, size_t n_idx);

#define HP_ILP_DECLARE(fam, T)                                                   \
    void hp_##fam##_chains1(T x[HP_ILP_CHAINS], T m, T c, size_t steps);         \
    void hp_##fam##_chains2(T x[HP_ILP_CHAINS], T m, T c, size_t steps);         \
    void hp_##fam##_chains4(T x[HP_ILP_CHAINS], T m, T c, size_t steps);         \
    void hp_##fam##_chains8(T x[HP_ILP_CHAINS], T m, T c, size_t steps);
HP_ILP_DECLARE(ilp_imul, uint64_t)
HP_ILP_DECLARE(ilp_fma, float)

#ifdef __cplusplus
}
#endif
#endif
