/* The base64 tables, all in one place, as constant expressions of the
 * alphabet (so no run-time initialisation and nothing to keep in sync). */
#include "base64_impl.h"

/* Character of a 6-bit value, and value of a character (0xFF: not in the
 * alphabet). */
#define CH(x) ((x) < 26 ? 'A' + (x) : (x) < 52 ? 'a' + (x) - 26 : (x) < 62 ? '0' + (x) - 52 \
               : (x) == 62 ? '+' : '/')
#define VAL(c) ((c) >= 'A' && (c) <= 'Z' ? (c) - 'A' : (c) >= 'a' && (c) <= 'z' ? (c) - 'a' + 26 \
                : (c) >= '0' && (c) <= '9' ? (c) - '0' + 52 : (c) == '+' ? 62 : (c) == '/' ? 63 \
                : 0xFF)

#define R4(F, i) F(i), F((i) + 1), F((i) + 2), F((i) + 3)
#define R16(F, i) R4(F, i), R4(F, (i) + 4), R4(F, (i) + 8), R4(F, (i) + 12)
#define R64(F, i) R16(F, i), R16(F, (i) + 16), R16(F, (i) + 32), R16(F, (i) + 48)
#define R256(F, i) R64(F, i), R64(F, (i) + 64), R64(F, (i) + 128), R64(F, (i) + 192)
#define R1024(F, i) R256(F, i), R256(F, (i) + 256), R256(F, (i) + 512), R256(F, (i) + 768)
#define R4096(F) R1024(F, 0), R1024(F, 1024), R1024(F, 2048), R1024(F, 3072)

const char hp_b64_alphabet[65] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

#define PAIR(i) (uint16_t)(CH((i) >> 6) | CH((i) & 63) << 8)
const uint16_t hp_b64_enc_pair[4096] = {R4096(PAIR)};

#define VALUE(c) (uint8_t)VAL(c)
const uint8_t hp_b64_value[256] = {R256(VALUE, 0)};

/* Quartet a b c d -> bytes aaaaaabb bbbbcccc ccdddddd. */
#define D(c, expr) (VAL(c) == 0xFF ? HP_B64_BAD : (uint32_t)(expr))
#define D0(c) D(c, VAL(c) << 2)
#define D1(c) D(c, VAL(c) >> 4 | (VAL(c) & 15) << 12)
#define D2(c) D(c, VAL(c) >> 2 << 8 | (VAL(c) & 3) << 22)
#define D3(c) D(c, VAL(c) << 16)
const uint32_t hp_b64_dec[4][256] = {{R256(D0, 0)}, {R256(D1, 0)}, {R256(D2, 0)}, {R256(D3, 0)}};
