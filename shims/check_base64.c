/* Checks of milestone 6 (kernels/base64): every encoder and decoder
 * against the naive reference on the RFC 4648 vectors, every length
 * 0..300 and a few large ones at odd alignments, and decoder inputs
 * broken at random positions (the error offset k must agree too).  Each
 * output buffer is followed by a canary: a variant may not write past
 * 4*ceil(n/3) (encode) or 3*(n/4) (decode). */
#include "base64.h"
#include "check.h"
#include "rng.h"

#include <stdlib.h>
#include <string.h>

#define CANARY 64
#define CANARY_BYTE 0xA5

static const char *const rfc_in[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
static const char *const rfc_out[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=",
                                      "Zm9vYmFy"};

/* Fixed invalid and edge inputs: padding in every wrong place, non-canonical
 * last characters, bad lengths, bytes around the alphabet's ranges. */
#define S(lit) {lit, sizeof lit - 1}
static const struct { const char *s; size_t n; } bad_in[] = {
    S("="), S("=="), S("==="), S("===="), S("Z==="), S("Zg="), S("Zg=A"), S("Zg==Zg=="),
    S("Zh=="), S("Zm9="), S("Zm8=Zm8="), S("Zm9vY"), S("Zm9vYg"), S("Zm9vYg="), S("Zm9v===="),
    S("Z@9v"), S("Zm[v"), S("Zm9`"), S("Zm9{"), S("Zm9/"), S("Zm9+"), S("Zm9,"), S("Zm9:"),
    S("Zm9v\n"), S(" Zm9v"), S("Zm9vYm\xc1y"), S("Zm9vYmF\x80"), S("Zm\0vYmFy"), S("AAAA=AAA"),
    S("AAAAAA=A"), S("AAAAAA=="), S("AAAAAAA="), S("AAAAAAB="), S("AAAAAB=="), S("QQ==QQ=="),
};

static int cmp_bytes(const hp_variant *v, char *msg, size_t len, const char *what, size_t n,
                     const void *got, const void *want, size_t count)
{
    const unsigned char *g = got, *w = want;
    for (size_t i = 0; i < count; i++)
        if (g[i] != w[i])
            return hp_check_fail(msg, len, v, "%s length %zu, offset %zu: got 0x%02x, want 0x%02x",
                                what, n, i, g[i], w[i]);
    return 0;
}

static int canary_intact(const unsigned char *p)
{
    for (size_t i = 0; i < CANARY; i++)
        if (p[i] != CANARY_BYTE)
            return 0;
    return 1;
}

static int encode_one(const hp_variant *v, const hp_variant *ref, const uint8_t *src, size_t n,
                      char *msg, size_t len)
{
    hp_base64_encode_fn f = (hp_base64_encode_fn)v->fn, r = (hp_base64_encode_fn)ref->fn;
    const size_t out = hp_base64_encoded_len(n);
    char *got = malloc(out + CANARY), *want = malloc(out + 1);
    int fail = 0;
    if (!got || !want) {
        fail = hp_check_fail(msg, len, v, "out of memory");
        goto done;
    }
    memset(got, CANARY_BYTE, out + CANARY);
    size_t gn = f(src, n, got), wn = r(src, n, want);
    if (gn != wn || gn != out)
        fail = hp_check_fail(msg, len, v, "length %zu: returned %zu, want %zu", n, gn, out);
    else if (cmp_bytes(v, msg, len, "encode", n, got, want, out))
        fail = 1;
    else if (!canary_intact((unsigned char *)got + out))
        fail = hp_check_fail(msg, len, v, "length %zu: wrote past %zu bytes", n, out);
done:
    free(got);
    free(want);
    return fail;
}

int hp_check_base64_encode(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_base64_encode_fn f = (hp_base64_encode_fn)v->fn;
    for (size_t i = 0; i < sizeof rfc_in / sizeof rfc_in[0]; i++) {
        char out[16];
        size_t n = strlen(rfc_in[i]), got = f((const uint8_t *)rfc_in[i], n, out);
        if (got != strlen(rfc_out[i]) || memcmp(out, rfc_out[i], got) != 0)
            return hp_check_fail(msg, len, v, "RFC 4648 vector \"%s\": got \"%.*s\", want \"%s\"",
                                rfc_in[i], (int)got, out, rfc_out[i]);
    }
    hp_rng rng = {64};
    for (size_t k = 0; k <= 306; k++) {
        size_t n = k <= 300 ? k : 1000 + hp_rng_below(&rng, 200000);
        size_t mis = hp_rng_below(&rng, 64);
        uint8_t *src = hp_check_alloc(n, mis);
        if (!src)
            return hp_check_fail(msg, len, v, "out of memory");
        hp_rng_fill(&rng, src, n);
        int fail = encode_one(v, ref, src, n, msg, len);
        hp_check_free(src, mis);
        if (fail)
            return fail;
    }
    return 0;
}

/* Decodes src[0..n) with v and the reference: same return value (bytes or
 * error offset), same bytes on success, nothing written past 3*(n/4). */
static int decode_one(const hp_variant *v, const hp_variant *ref, const char *src, size_t n,
                      char *msg, size_t len)
{
    hp_base64_decode_fn f = (hp_base64_decode_fn)v->fn, r = (hp_base64_decode_fn)ref->fn;
    const size_t room = hp_base64_decoded_max(n);
    uint8_t *got = malloc(room + CANARY), *want = malloc(room + 1);
    int fail = 0;
    if (!got || !want) {
        fail = hp_check_fail(msg, len, v, "out of memory");
        goto done;
    }
    memset(got, CANARY_BYTE, room + CANARY);
    ptrdiff_t gn = f(src, n, got), wn = r(src, n, want);
    if (gn != wn)
        fail = hp_check_fail(msg, len, v, "input length %zu: returned %td, want %td%s", n, gn, wn,
                            wn < 0 ? " (-(k+1), k = offset of the first invalid byte)" : "");
    else if (gn > 0 && cmp_bytes(v, msg, len, "decode", n, got, want, (size_t)gn))
        fail = 1;
    else if (!canary_intact(got + room))
        fail = hp_check_fail(msg, len, v, "input length %zu: wrote past 3*(n/4) = %zu bytes", n,
                            room);
done:
    free(got);
    free(want);
    return fail;
}

static const uint8_t mutations[] = {'=', '=', '=', 0, '\n', ' ', '-', '_', '.', 0x80, 0xFF,
                                    '@', '[', '`', '{', '*', ',', ':', 'A', '/'};

int hp_check_base64_decode(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
{
    hp_base64_decode_fn f = (hp_base64_decode_fn)v->fn;
    for (size_t i = 0; i < sizeof rfc_in / sizeof rfc_in[0]; i++) {
        uint8_t out[16];
        ptrdiff_t got = f(rfc_out[i], strlen(rfc_out[i]), out);
        if (got != (ptrdiff_t)strlen(rfc_in[i]) || memcmp(out, rfc_in[i], (size_t)got) != 0)
            return hp_check_fail(msg, len, v, "RFC 4648 vector \"%s\": returned %td", rfc_out[i],
                                got);
    }
    for (size_t i = 0; i < sizeof bad_in / sizeof bad_in[0]; i++) {
        if (decode_one(v, ref, bad_in[i].s, bad_in[i].n, msg, len))
            return 1;
    }
    hp_rng rng = {46};
    for (size_t k = 0; k <= 306; k++) {
        size_t raw = k <= 300 ? k : 1000 + hp_rng_below(&rng, 200000);
        size_t n = hp_base64_encoded_len(raw), mis = hp_rng_below(&rng, 64);
        uint8_t *bytes = malloc(raw + 1);
        char *text = hp_check_alloc(n, mis);
        if (!bytes || !text) {
            free(bytes);
            hp_check_free(text, mis);
            return hp_check_fail(msg, len, v, "out of memory");
        }
        hp_rng_fill(&rng, bytes, raw);
        hp_base64_encode_naive(bytes, raw, text);
        free(bytes);
        int fail = decode_one(v, ref, text, n, msg, len);
        /* Truncated (a bad length), then one byte broken at a random place
         * and, for short inputs, at the final quartet. */
        if (!fail && n)
            fail = decode_one(v, ref, text, n - 1 - hp_rng_below(&rng, n < 3 ? n : 3), msg, len);
        for (int m = 0; m < 4 && !fail && n; m++) {
            size_t at = m & 1 ? n - 1 - hp_rng_below(&rng, n < 4 ? n : 4) : hp_rng_below(&rng, n);
            char keep = text[at];
            text[at] = (char)mutations[hp_rng_below(&rng, sizeof mutations)];
            fail = decode_one(v, ref, text, n, msg, len);
            text[at] = keep;
        }
        hp_check_free(text, mis);
        if (fail)
            return fail;
    }
    return 0;
}
