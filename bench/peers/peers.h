/* Peer libraries and limits registered from bench/ (never from
 * libhotpath.a, which links with nothing beyond libc and libm).  Each
 * milestone's bench/peers/peers_<m>.c defines one table with these names. */
#ifndef HOTPATH_PEERS_H
#define HOTPATH_PEERS_H

#include "hotpath.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HP_PEER_TABLE(m)                        \
    extern const hp_variant hp_peers_##m[];     \
    extern const size_t hp_peers_##m##_n;
#define HP_PEER_COUNT(m) \
    const size_t hp_peers_##m##_n = sizeof hp_peers_##m / sizeof hp_peers_##m[0];

/* A peer line: family, name, stage, features, the function, and the file
 * that defines it (the peer files list their own path). */
#define HP_PEER(fam, var, stage, feats, fn, file) \
    {#fam, #var, HP_STAGE_##stage, (feats), (const void *)(fn), file}

const hp_variant *hp_peer_variants(size_t *count);

/* NULL when the peer can be called; otherwise why it cannot (a library
 * loaded at run time that failed to load).  NULL for every other variant. */
const char *hp_peer_unavailable(const hp_variant *v);

/* memcpy of n bytes, the `limit` line of memory-bound families.  Its
 * signature is its own: families call it with the bytes they move. */
void hp_limit_memcpy(void *dst, const void *src, size_t n);
/* The same copy with non-temporal stores: the DRAM limit of a kernel that
 * streams its output around the caches (add_f32's avx2 at large n).  Its
 * variant is named limit_nt because hotpath-stats takes a peer named
 * memcpy or limit* as a limit (and compares with the faster one). */
void hp_limit_nt_copy(void *dst, const void *src, size_t n);

#ifdef __cplusplus
}
#endif
#endif
