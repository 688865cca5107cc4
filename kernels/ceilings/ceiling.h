/* The machine's ceilings, measured by the suite itself (bench/bench_ceilings.cc):
 * bandwidth of reads, writes, copies and non-temporal stores with the
 * widest vectors an ISA has, peak FMA throughput and peak byte-shuffle
 * throughput.  One file per ISA (ceiling_<isa>.c); not a registry family
 * (there is no reference answer to compare), tested in tests/test_ceilings.c.
 *
 * Buffers are 64-byte aligned and `bytes` is a multiple of HP_CEILING_STEP. */
#ifndef HOTPATH_CEILING_H
#define HOTPATH_CEILING_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HP_CEILING_STEP 256 /* four 64-byte vectors: one unrolled step */

/* Independent accumulator chains of the FMA and shuffle loops: enough to
 * cover latency x pipes on every x86-64 core so far (FMA: 4-5 cycles x 2
 * pipes; a byte shuffle: 1-3 cycles x up to 2 pipes). */
#define HP_CEILING_CHAINS 12

typedef struct hp_ceiling_isa {
    const char *isa;    /* "sse2", "avx2", "avx512" */
    uint64_t features;  /* HP_NEEDS_* of its file */
    unsigned width;     /* vector bytes */
    /* OR of every 8-byte word of p[0..bytes) (so no load is dropped). */
    uint64_t (*read)(const void *p, size_t bytes);
    /* p[0..bytes) = the 8-byte pattern `v`, repeated. */
    void (*write)(void *p, size_t bytes, uint64_t v);
    void (*copy)(void *dst, const void *src, size_t bytes);
    /* As write, with non-temporal stores (then sfence). */
    void (*ntstore)(void *p, size_t bytes, uint64_t v);
    /* iters x HP_CEILING_CHAINS fused multiply-adds on whole float
     * vectors (2 * width/4 FLOP each); NULL if the ISA has no FMA. */
    float (*fma)(uint64_t iters, float x);
    /* iters x HP_CEILING_CHAINS byte shuffles (pshufb) of whole vectors;
     * returns a byte of the result; NULL if the ISA has none. */
    uint64_t (*shuffle)(uint64_t iters, uint64_t seed);
} hp_ceiling_isa;

extern const hp_ceiling_isa hp_ceiling_sse2, hp_ceiling_avx2, hp_ceiling_avx512;

/* The widest of those that runs at the current HOTPATH_ISA cap. */
const hp_ceiling_isa *hp_ceiling_widest(void);

#ifdef __cplusplus
}
#endif
#endif
