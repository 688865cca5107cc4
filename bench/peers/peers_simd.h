/* The OpenBLAS peers of milestone 4 are loaded at run time (peers_simd.c):
 * this says whether one could not be, and why. */
#ifndef HOTPATH_PEERS_SIMD_H
#define HOTPATH_PEERS_SIMD_H

#include "hotpath.h"

#ifdef __cplusplus
extern "C" {
#endif

/* NULL when v can be called (it is not an OpenBLAS peer, or its copy of
 * OpenBLAS loaded with the core type it names); otherwise why not, e.g.
 * "dlmopen(libopenblas.so.0) failed: ...".  The first call loads both. */
const char *hp_simd_peer_unavailable(const hp_variant *v);

#ifdef __cplusplus
}
#endif
#endif
