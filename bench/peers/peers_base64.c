/* Peer libraries and limits of milestone base64 (see peers.h). */
#include "peers.h"

/* None yet: a zero count keeps the placeholder out of every list. */
const hp_variant hp_peers_base64[1];
const size_t hp_peers_base64_n = 0;
