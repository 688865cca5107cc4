/* The algorithm stage: four table lookups per quartet OR-ed together give
 * the 3 output bytes and, in bit 24, whether any character was bad: one
 * test per quartet instead of a branch per character.  Two quartets per
 * step; each is stored as 4 bytes (the 4th is overwritten by the next). */
#include "base64.h"
#include "base64_impl.h"

#include <string.h>

static inline uint32_t quartet(const unsigned char *q)
{
    return hp_b64_dec[0][q[0]] | hp_b64_dec[1][q[1]] | hp_b64_dec[2][q[2]] |
           hp_b64_dec[3][q[3]];
}

ptrdiff_t hp_base64_decode_table(const char *src, size_t n, uint8_t *dst)
{
    const unsigned char *s = (const unsigned char *)src;
    /* The final quartet (n - 4 when n % 4 == 0) is the shared tail's; a
     * step stores 7 bytes for 6, so it stops 4 characters earlier still:
     * pos + 12 <= n keeps that extra byte below 3*(n/4). */
    size_t pos = 0;
    uint8_t *o = dst;
    for (; n - pos >= 12; pos += 8, o += 6) {
        uint32_t w0 = quartet(s + pos), w1 = quartet(s + pos + 4);
        if ((w0 | w1) & HP_B64_BAD)
            break; /* the tail finds the exact offset */
        memcpy(o, &w0, 4);
        memcpy(o + 3, &w1, 4);
    }
    return hp_b64_dec_tail(src, n, pos, dst);
}
