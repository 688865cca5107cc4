/* The seed's decoder: a quartet at a time, one table lookup and one
 * validity branch per character, branches for the padding.  The family's
 * reference: it states every rule of shims/base64.h in the order the
 * offsets are reported.  (tests/test_base64.c checks the table it reads
 * against the alphabet spelled out by ranges.) */
#include "base64.h"
#include "base64_impl.h"

ptrdiff_t hp_base64_decode_naive(const char *src, size_t n, uint8_t *dst)
{
    const size_t whole = n - n % 4;
    size_t o = 0;
    for (size_t i = 0; i < whole; i += 4) {
        const int final = i + 4 == n; /* padding is allowed here only */
        uint8_t v[4] = {0, 0, 0, 0};
        int pad = 0;
        for (int j = 0; j < 4; j++) {
            unsigned char c = (unsigned char)src[i + j];
            if (pad) { /* after a '=' only '=' */
                if (c != '=')
                    return -(ptrdiff_t)(i + j) - 1;
            } else if (c == '=' && final && j >= 2) {
                pad = 4 - j;
            } else if ((v[j] = hp_b64_value[c]) == 0xFF) {
                return -(ptrdiff_t)(i + j) - 1;
            }
        }
        if (pad == 2 && (v[1] & 15)) /* non-canonical: unused bits set */
            return -(ptrdiff_t)(i + 1) - 1;
        if (pad == 1 && (v[2] & 3))
            return -(ptrdiff_t)(i + 2) - 1;
        dst[o++] = (uint8_t)(v[0] << 2 | v[1] >> 4);
        if (pad < 2)
            dst[o++] = (uint8_t)((v[1] & 15) << 4 | v[2] >> 2);
        if (pad < 1)
            dst[o++] = (uint8_t)((v[2] & 3) << 6 | v[3]);
    }
    if (whole != n) /* the incomplete last quartet */
        return -(ptrdiff_t)whole - 1;
    return (ptrdiff_t)o;
}
