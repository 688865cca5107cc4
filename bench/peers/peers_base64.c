/* Peers of milestone 6: OpenSSL's EVP_EncodeBlock / EVP_DecodeBlock (the
 * `library` line, Debian libssl-dev) and memcpy of the same input bytes
 * (the `limit` line; the bench calls hp_limit_memcpy with its own
 * signature).
 *
 * The wrappers give OpenSSL exactly the family's semantics, so the gate
 * and the tests hold it to the same rules as every variant:
 * - EVP_EncodeBlock NUL-terminates its output; the family writes no NUL.
 *   The last (1..3-byte) group is encoded into a small buffer, so the NUL
 *   of the first call lands inside the output, where that group goes.
 * - EVP_DecodeBlock is not strict: it trims leading blanks and trailing
 *   whitespace/EOL, reads '=' as zero anywhere, ignores non-canonical
 *   bits, returns the length with the padding's zero bytes, and reports
 *   only -1.  The wrapper checks the ends (O(1)), looks for a '=' before
 *   the final two characters with memchr (one fast pass: ~1% of
 *   OpenSSL's own time at 16 KiB), checks the final quartet's padding and
 *   unused bits, and drops the padding's bytes from the count.  On any
 *   rejection the offset k comes from the naive reference: OpenSSL does
 *   not report one.  Timings on valid input are OpenSSL's plus that pass.
 * Both take an int length; larger inputs go through in chunks. */
#include "base64.h"
#include "peers.h"

#include <limits.h>
#include <openssl/evp.h>
#include <string.h>

#define ENC_CHUNK ((size_t)3 << 28) /* bytes per EVP_EncodeBlock call */
#define DEC_CHUNK ((size_t)1 << 30) /* characters per EVP_DecodeBlock call */

static size_t hp_base64_encode_openssl(const uint8_t *src, size_t n, char *dst)
{
    if (n == 0)
        return 0;
    const size_t head = (n - 1) / 3 * 3; /* all but the last group */
    unsigned char *o = (unsigned char *)dst;
    for (size_t i = 0; i < head; i += ENC_CHUNK) {
        const size_t take = head - i < ENC_CHUNK ? head - i : ENC_CHUNK;
        o += EVP_EncodeBlock(o, src + i, (int)take);
    }
    unsigned char last[5]; /* 4 characters and EVP_EncodeBlock's NUL */
    EVP_EncodeBlock(last, src + head, (int)(n - head));
    memcpy(o, last, 4);
    return hp_base64_encoded_len(n);
}

static int in_alphabet(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '+' || c == '/';
}

/* The 6-bit value of an alphabet character. */
static unsigned value(unsigned char c)
{
    return c >= 'a' ? c - 'a' + 26u : c >= 'A' ? c - 'A' + 0u : c >= '0' ? c - '0' + 52u
           : c == '+' ? 62u : 63u;
}

static ptrdiff_t hp_base64_decode_openssl(const char *src, size_t n, uint8_t *dst)
{
    const unsigned char *s = (const unsigned char *)src;
    if (n == 0)
        return 0;
    /* Ends OpenSSL would trim, a bad length, '=' before the final two. */
    if (n % 4 || !in_alphabet(s[0]) || (s[n - 1] != '=' && !in_alphabet(s[n - 1])) ||
        memchr(s, '=', n - 2))
        return hp_base64_decode_naive(src, n, dst);
    /* Final quartet: "xx==" or "xxx=" with the unused bits zero. */
    const unsigned char *q = s + n - 4;
    size_t pad = 0;
    if (q[2] == '=' && q[3] != '=')
        return hp_base64_decode_naive(src, n, dst);
    if (q[3] == '=') {
        pad = q[2] == '=' ? 2 : 1;
        if (pad == 2 ? value(q[1]) & 15 : !in_alphabet(q[2]) || (value(q[2]) & 3))
            return hp_base64_decode_naive(src, n, dst);
    }
    for (size_t i = 0; i < n; i += DEC_CHUNK) {
        const size_t take = n - i < DEC_CHUNK ? n - i : DEC_CHUNK;
        if (EVP_DecodeBlock(dst + i / 4 * 3, s + i, (int)take) < 0)
            return hp_base64_decode_naive(src, n, dst);
    }
    return (ptrdiff_t)(n / 4 * 3 - pad);
}

const hp_variant hp_peers_base64[] = {
    HP_PEER(base64_encode, openssl, LIBRARY, 0, hp_base64_encode_openssl,
            "bench/peers/peers_base64.c"),
    HP_PEER(base64_decode, openssl, LIBRARY, 0, hp_base64_decode_openssl,
            "bench/peers/peers_base64.c"),
    HP_PEER(base64_encode, memcpy, LIMIT, 0, hp_limit_memcpy, "bench/peers/peers.c"),
    HP_PEER(base64_decode, memcpy, LIMIT, 0, hp_limit_memcpy, "bench/peers/peers.c"),
};
HP_PEER_COUNT(base64)
