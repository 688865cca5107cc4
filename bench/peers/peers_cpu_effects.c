/* Peer libraries and limits of milestone cpu_effects (see peers.h). */
#include "peers.h"

/* None yet: a zero count keeps the placeholder out of every list. */
const hp_variant hp_peers_cpu_effects[1];
const size_t hp_peers_cpu_effects_n = 0;
