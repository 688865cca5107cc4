/* The seed's encoder: chunks of 3 bytes, one table lookup per character,
 * a branch per padding position.  The family's reference. */
#include "base64.h"
#include "base64_impl.h"

size_t hp_base64_encode_naive(const uint8_t *src, size_t n, char *dst)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t a = src[i];
        uint32_t b = i + 1 < n ? src[i + 1] : 0;
        uint32_t c = i + 2 < n ? src[i + 2] : 0;
        dst[o++] = hp_b64_alphabet[a >> 2];
        dst[o++] = hp_b64_alphabet[(a & 3) << 4 | b >> 4];
        dst[o++] = i + 1 < n ? hp_b64_alphabet[(b & 15) << 2 | c >> 6] : '=';
        dst[o++] = i + 2 < n ? hp_b64_alphabet[c & 63] : '=';
    }
    return o;
}
