/* The algorithm stage: no per-byte branches.  One unaligned 8-byte load
 * yields 6 input bytes = four 12-bit groups, each turned into two
 * characters by one lookup in hp_b64_enc_pair (8 KiB), and the 8
 * characters leave in one 8-byte store. */
#include "base64.h"
#include "base64_impl.h"

#include <string.h>

static inline uint64_t load_be64(const uint8_t *p)
{
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return __builtin_bswap64(w);
}

size_t hp_base64_encode_table(const uint8_t *src, size_t n, char *dst)
{
    const uint16_t *pair = hp_b64_enc_pair;
    size_t i = 0;
    char *o = dst;
    /* The load reads 8 bytes and uses 6: keep 8 readable. */
    for (; n - i >= 8; i += 6, o += 8) {
        uint64_t w = load_be64(src + i); /* input bytes in bits 63..16 */
        uint64_t c = (uint64_t)pair[w >> 52] | (uint64_t)pair[(w >> 40) & 0xFFF] << 16 |
                     (uint64_t)pair[(w >> 28) & 0xFFF] << 32 |
                     (uint64_t)pair[(w >> 16) & 0xFFF] << 48;
        memcpy(o, &c, sizeof c);
    }
    return (size_t)(o - dst) + hp_b64_enc_tail(src + i, n - i, o);
}
