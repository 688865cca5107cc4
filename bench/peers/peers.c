/* The peer tables of all milestones, joined in journey order. */
#include "peers.h"
#include "peers_simd.h"

#include "milestones.h"

#include <emmintrin.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

HP_MILESTONES(HP_PEER_TABLE)

#define MAX_PEERS 128

static hp_variant peers[MAX_PEERS];
static size_t n_peers;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void append(const hp_variant *v, size_t n)
{
    for (size_t i = 0; i < n && n_peers < MAX_PEERS; i++)
        peers[n_peers++] = v[i];
}

static void build(void)
{
#define JOIN(m) append(hp_peers_##m, hp_peers_##m##_n);
    HP_MILESTONES(JOIN)
#undef JOIN
}

const hp_variant *hp_peer_variants(size_t *count)
{
    pthread_once(&once, build);
    *count = n_peers;
    return peers;
}

/* Only milestone 4's OpenBLAS copies load at run time (dlmopen). */
const char *hp_peer_unavailable(const hp_variant *v)
{
    return hp_simd_peer_unavailable(v);
}

void hp_limit_memcpy(void *dst, const void *src, size_t n)
{
    memcpy(dst, src, n);
}

void hp_limit_nt_copy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    /* up to dst's first 16-byte boundary, then 64 bytes per step with
     * movntdq (SSE2: every x86-64), then the rest */
    size_t head = (16 - (uintptr_t)d % 16) % 16;
    head = head < n ? head : n;
    memcpy(d, s, head);
    size_t i = head;
    for (; i + 64 <= n; i += 64)
        for (size_t k = 0; k < 64; k += 16)
            _mm_stream_si128((__m128i *)(d + i + k),
                             _mm_loadu_si128((const __m128i *)(s + i + k)));
    _mm_sfence();
    memcpy(d + i, s + i, n - i);
}
