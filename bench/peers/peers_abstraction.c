/* Peer libraries and limits of milestone abstraction (see peers.h). */
#include "peers.h"

/* None yet: a zero count keeps the placeholder out of every list. */
const hp_variant hp_peers_abstraction[1];
const size_t hp_peers_abstraction_n = 0;
