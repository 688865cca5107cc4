/* Peer libraries and limits of milestone syscall (see peers.h). */
#include "peers.h"

/* None yet: a zero count keeps the placeholder out of every list. */
const hp_variant hp_peers_syscall[1];
const size_t hp_peers_syscall_n = 0;
