/* The shared scalar edges of every fast variant: whole triples and the
 * padded end of an encode, the remaining quartets and the final (padded)
 * quartet of a decode.  Table-driven and branch-free per quartet except
 * for the end, so a vector loop can hand over at any block boundary. */
#include "base64_impl.h"

#include <string.h>

size_t hp_b64_enc_tail(const uint8_t *src, size_t n, char *dst)
{
    char *o = dst;
    size_t i = 0;
    for (; n - i >= 3; i += 3, o += 4) {
        uint32_t w = (uint32_t)src[i] << 16 | (uint32_t)src[i + 1] << 8 | src[i + 2];
        uint16_t hi = hp_b64_enc_pair[w >> 12], lo = hp_b64_enc_pair[w & 0xFFF];
        memcpy(o, &hi, 2);
        memcpy(o + 2, &lo, 2);
    }
    if (n - i == 1) {
        o[0] = hp_b64_alphabet[src[i] >> 2];
        o[1] = hp_b64_alphabet[(src[i] & 3) << 4];
        o[2] = o[3] = '=';
        o += 4;
    } else if (n - i == 2) {
        o[0] = hp_b64_alphabet[src[i] >> 2];
        o[1] = hp_b64_alphabet[(src[i] & 3) << 4 | src[i + 1] >> 4];
        o[2] = hp_b64_alphabet[(src[i + 1] & 15) << 2];
        o[3] = '=';
        o += 4;
    }
    return (size_t)(o - dst);
}

static ptrdiff_t bad_at(size_t k) { return -(ptrdiff_t)k - 1; }

/* Offset of the first character of quartet s[pos..pos+4) outside the
 * alphabet (the caller knows there is one). */
static size_t first_bad(const unsigned char *s, size_t pos)
{
    while (!(hp_b64_dec[0][s[pos]] & HP_B64_BAD))
        pos++;
    return pos;
}

ptrdiff_t hp_b64_dec_tail(const char *src, size_t n, size_t pos, uint8_t *dst)
{
    const unsigned char *s = (const unsigned char *)src;
    const uint32_t(*d)[256] = hp_b64_dec;
    /* Only the final quartet of an input of whole quartets may pad. */
    const size_t whole = n - n % 4, body = hp_b64_dec_body(n);
    uint8_t *o = dst + pos / 4 * 3;
    for (; pos < body; pos += 4, o += 3) {
        uint32_t w = d[0][s[pos]] | d[1][s[pos + 1]] | d[2][s[pos + 2]] | d[3][s[pos + 3]];
        if (w & HP_B64_BAD)
            return bad_at(first_bad(s, pos));
        o[0] = (uint8_t)w;
        o[1] = (uint8_t)(w >> 8);
        o[2] = (uint8_t)(w >> 16);
    }
    if (n % 4)
        return bad_at(whole);
    if (n == 0)
        return 0;
    const ptrdiff_t done = o - dst;
    const unsigned char *q = s + pos;
    uint32_t a = d[0][q[0]], b = d[1][q[1]];
    if (a & HP_B64_BAD)
        return bad_at(pos);
    if (b & HP_B64_BAD)
        return bad_at(pos + 1);
    if (q[2] == '=') {
        if (q[3] != '=')
            return bad_at(pos + 3);
        if (b & 0xF000) /* the low 4 bits of b, unused by "xx==" */
            return bad_at(pos + 1);
        o[0] = (uint8_t)(a | b);
        return done + 1;
    }
    uint32_t c = d[2][q[2]];
    if (c & HP_B64_BAD)
        return bad_at(pos + 2);
    if (q[3] == '=') {
        if (c & 0xC00000) /* the low 2 bits of c, unused by "xxx=" */
            return bad_at(pos + 2);
        uint32_t w = a | b | c;
        o[0] = (uint8_t)w;
        o[1] = (uint8_t)(w >> 8);
        return done + 2;
    }
    uint32_t e = d[3][q[3]];
    if (e & HP_B64_BAD)
        return bad_at(pos + 3);
    uint32_t w = a | b | c | e;
    o[0] = (uint8_t)w;
    o[1] = (uint8_t)(w >> 8);
    o[2] = (uint8_t)(w >> 16);
    return done + 3;
}
