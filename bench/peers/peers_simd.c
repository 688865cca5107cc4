/* Peer libraries and limits of milestone simd (see peers.h). */
#include "peers.h"

/* None yet: a zero count keeps the placeholder out of every list. */
const hp_variant hp_peers_simd[1];
const size_t hp_peers_simd_n = 0;
