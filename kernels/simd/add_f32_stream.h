/* When add_f32 variants switch to non-temporal stores: above the bytes
 * this returns (reads + writes of one call), the output cannot stay in
 * cache for a next call, so writing it around the caches saves the read
 * for ownership of each output line.  Below, the output usually still
 * fits in a cache a following kernel reads from, and streaming would push
 * it out to memory.  Built for the baseline. */
#ifndef HOTPATH_ADD_F32_STREAM_H
#define HOTPATH_ADD_F32_STREAM_H

#include <stdint.h>

/* The detected last-level cache (L3, else L2) in bytes, read once;
 * UINT64_MAX (never stream) when no size is known.  Measured on Zen 4
 * (L3 32 MiB, HOTPATH_ISA=avx2, CPU time, medians of 5): at 4Mi elements
 * (48 MiB touched) plain stores ran at 20 GB/s and a non-temporal copy
 * at 27; at 1Mi (12 MiB) plain stores 59, the streaming copy 45. */
uint64_t hp_add_f32_stream_bytes(void);

#endif
