/* Peers of milestone 5: glibc's strlen (its ifunc picks the best version
 * for this CPU, e.g. __strlen_evex or __strlen_avx2). */
#include "peers.h"

#include <string.h>

/* A named function, so the registry holds a plain pointer to our code and
 * the call goes through glibc's dispatch like any program's call does. */
static size_t hp_strlen_glibc(const char *s)
{
    return strlen(s);
}

const hp_variant hp_peers_syscall[] = {
    HP_PEER(strlen, glibc, LIBRARY, 0, hp_strlen_glibc, "bench/peers/peers_syscall.c"),
};
HP_PEER_COUNT(syscall)
