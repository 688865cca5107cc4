/* Peer libraries and limits of milestone inline_asm (see peers.h). */
#include "peers.h"

/* None yet: a zero count keeps the placeholder out of every list. */
const hp_variant hp_peers_inline_asm[1];
const size_t hp_peers_inline_asm_n = 0;
