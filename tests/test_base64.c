/* Milestone 6: every base64 encoder and decoder (registry and OpenSSL
 * peer) on the RFC 4648 vectors, round trips of every length, every byte
 * value at every position, padding and canonical-bit rules with their
 * offsets stated by hand, exact-size buffers and buffers that end right
 * before, or start right after, a PROT_NONE page.  Variants this CPU
 * cannot run are listed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base64.h"
#include "gate.h"
#include "rng.h"

#define MAX_V 16

typedef struct {
    const hp_variant *v[MAX_V];
    size_t n;
} vlist;

static vlist enc, dec;

static void collect(vlist *out, const char *family)
{
    size_t n;
    const hp_variant *v = hp_all_variants(&n);
    const char *why;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(v[i].family, family) != 0 || v[i].stage == HP_STAGE_LIMIT)
            continue;
        if (!hp_runnable(&v[i], &why))
            printf("# skip %s/%s: %s\n", family, v[i].name, why);
        else if (out->n < MAX_V)
            out->v[out->n++] = &v[i];
    }
}

static int setup(void **state)
{
    (void)state;
    collect(&enc, "base64_encode");
    collect(&dec, "base64_decode");
    printf("# %zu encoders, %zu decoders run here\n", enc.n, dec.n);
    return enc.n >= 2 && dec.n >= 2 ? 0 : -1;
}

#define ENC(i) ((hp_base64_encode_fn)enc.v[i]->fn)
#define DEC(i) ((hp_base64_decode_fn)dec.v[i]->fn)

static void fail_at(const hp_variant *v, const char *what, size_t n, ptrdiff_t got,
                    ptrdiff_t want)
{
    fail_msg("%s/%s: %s (length %zu): got %td, want %td", v->family, v->name, what, n, got, want);
}

static void rfc_vectors(void **state)
{
    (void)state;
    static const char *const in[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
    static const char *const out[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=",
                                      "Zm9vYmFy"};
    for (size_t k = 0; k < 7; k++) {
        for (size_t i = 0; i < enc.n; i++) {
            char buf[16] = {0};
            size_t got = ENC(i)((const uint8_t *)in[k], strlen(in[k]), buf);
            assert_int_equal(got, strlen(out[k]));
            assert_memory_equal(buf, out[k], got);
        }
        for (size_t i = 0; i < dec.n; i++) {
            uint8_t buf[16] = {0};
            ptrdiff_t got = DEC(i)(out[k], strlen(out[k]), buf);
            if (got != (ptrdiff_t)strlen(in[k]))
                fail_at(dec.v[i], out[k], strlen(out[k]), got, (ptrdiff_t)strlen(in[k]));
            assert_memory_equal(buf, in[k], (size_t)got);
        }
    }
}

/* Every length 0..300 and a few large ones, in exact-size heap buffers
 * (ASan sees any over-read or over-write): every encoder's output equals
 * the reference's, and every decoder turns it back into the input. */
static void round_trip(void **state)
{
    (void)state;
    hp_rng rng = {2026};
    for (size_t k = 0; k <= 304; k++) {
        size_t n = k <= 300 ? k : 1 + hp_rng_below(&rng, 1 << 18);
        size_t m = hp_base64_encoded_len(n);
        uint8_t *src = malloc(n + !n);
        char *want = malloc(m + 1), *text = malloc(m + !m);
        assert_non_null(src);
        assert_non_null(want);
        assert_non_null(text);
        hp_rng_fill(&rng, src, n);
        assert_int_equal(hp_base64_encode_naive(src, n, want), m);
        for (size_t e = 0; e < enc.n; e++) {
            size_t got = ENC(e)(src, n, text);
            if (got != m)
                fail_at(enc.v[e], "returned length", n, (ptrdiff_t)got, (ptrdiff_t)m);
            if (memcmp(text, want, m) != 0)
                fail_msg("%s/%s: output differs at length %zu", enc.v[e]->family,
                         enc.v[e]->name, n);
            for (size_t d = 0; d < dec.n; d++) {
                /* 3*(m/4) = n rounded up to a multiple of 3: the decoder
                 * may use all of it, so the buffer is exactly that big */
                uint8_t *out = malloc(hp_base64_decoded_max(m) + !m);
                assert_non_null(out);
                ptrdiff_t r = DEC(d)(text, m, out);
                if (r != (ptrdiff_t)n)
                    fail_at(dec.v[d], "round trip", m, r, (ptrdiff_t)n);
                assert_memory_equal(out, src, n);
                free(out);
            }
        }
        free(src);
        free(want);
        free(text);
    }
}

/* Decodes text[0..n) with every decoder into a buffer of 3*(n/4) bytes
 * followed by a canary; all must return `want` (when want_known) or agree
 * with the reference, agree on the bytes, and leave the canary alone. */
static void decode_all(const char *text, size_t n, int want_known, ptrdiff_t want)
{
    const size_t room = hp_base64_decoded_max(n);
    uint8_t ref[512], out[512 + 32];
    assert_true(room <= sizeof ref);
    ptrdiff_t r = hp_base64_decode_naive(text, n, ref);
    if (want_known && r != want)
        fail_msg("naive (the reference) on \"%.*s\": got %td, want %td", (int)n, text, r, want);
    for (size_t d = 0; d < dec.n; d++) {
        memset(out, 0xA5, room + 32);
        ptrdiff_t g = DEC(d)(text, n, out);
        if (g != r)
            fail_msg("%s/%s: length %zu input \"%.*s\": got %td, want %td", dec.v[d]->family,
                     dec.v[d]->name, n, n < 80 ? (int)n : 80, text, g, r);
        if (g > 0)
            assert_memory_equal(out, ref, (size_t)g);
        for (size_t i = room; i < room + 32; i++)
            if (out[i] != 0xA5)
                fail_msg("%s/%s: wrote past 3*(n/4) = %zu (length %zu)", dec.v[d]->family,
                         dec.v[d]->name, room, n);
    }
}

/* The alphabet spelled out by ranges, independent of the kernels' tables:
 * 0..63, or -1 for a byte outside it. */
static int value_of(unsigned c)
{
    if (c >= 'A' && c <= 'Z')
        return (int)(c - 'A');
    if (c >= 'a' && c <= 'z')
        return (int)(c - 'a') + 26;
    if (c >= '0' && c <= '9')
        return (int)(c - '0') + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Every byte value as the first and as the last character of a quartet,
 * for every decoder and encoder: accepted exactly when in the alphabet,
 * with the value the RFC gives it. */
static void alphabet(void **state)
{
    (void)state;
    for (unsigned c = 0; c < 256; c++) {
        char first[] = "?AAA", last[] = "AAA?";
        first[0] = last[3] = (char)c;
        const int v = value_of(c);
        for (size_t d = 0; d < dec.n; d++) {
            uint8_t out[3];
            ptrdiff_t r = DEC(d)(first, 4, out);
            if (v < 0 ? r != -1 : r != 3 || out[0] != v << 2)
                fail_at(dec.v[d], "a first character", c, r, v < 0 ? -1 : 3);
            r = DEC(d)(last, 4, out);
            const ptrdiff_t want = c == '=' ? 2 : v < 0 ? -4 : 3; /* "AAA=" is padding */
            if (r != want || (v >= 0 && out[2] != v))
                fail_at(dec.v[d], "a last character", c, r, want);
        }
        if (v < 0)
            continue;
        for (size_t e = 0; e < enc.n; e++) {
            const uint8_t in[3] = {0, 0, (uint8_t)v};
            char out[4];
            ENC(e)(in, 3, out);
            if (out[3] != (char)c)
                fail_at(enc.v[e], "the character of a value", (size_t)v, out[3], (ptrdiff_t)c);
        }
    }
}

/* The rules of shims/base64.h, offsets worked out by hand. */
static void stated_offsets(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        ptrdiff_t want;
    } t[] = {
        {"Zg==", 1}, {"Zm8=", 2}, {"Zm9v", 3}, {"", 0},
        {"=", -1},             /* bad length: k = n - n%4 = 0 */
        {"Zg=", -1},           /* k = 0 */
        {"Zm9vYg=", -5},       /* k = 4 */
        {"Zm9vY", -5},         /* k = 4 */
        {"Z@9vY", -2},         /* an earlier bad byte wins: k = 1 */
        {"====", -1},          /* '=' first in a quartet */
        {"Z===", -2},          /* '=' second */
        {"Zg=A", -4},          /* a non-'=' after '=' */
        {"Zg==Zg==", -3},      /* '=' in a non-final quartet */
        {"Zm9vZm=v", -8},      /* a non-'=' after '=': k = 7 */
        {"Zh==", -2},          /* non-canonical: h = 33 has low 4 bits 0001 */
        {"Zm9=", -3},          /* non-canonical: 9 = 61 has low 2 bits 01 */
        {"Zm9v====", -5},
        {"Zm9v\n", -5},        /* no whitespace */
        {" Zm9v", -1},
        {"Zm9vYm\xc1y", -7},
        {"Zm9vYmF\x80", -8},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        decode_all(t[i].s, strlen(t[i].s), 1, t[i].want);
    /* Every second character of "Q?==" and third of "QU?=": accepted
     * exactly when its unused bits are zero. */
    const char *abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int v = 0; v < 64; v++) {
        char a[] = "QQ==", b[] = "QUE=";
        a[1] = abc[v];
        b[2] = abc[v];
        decode_all(a, 4, 1, v & 15 ? -2 : 1);
        decode_all(b, 4, 1, v & 3 ? -3 : 2);
    }
}

/* All 256 byte values at every position of valid encodings of every
 * length up to 128 characters (and of lengths that are not a multiple of
 * 4): every decoder reports the reference's k and bytes. */
static void every_byte_everywhere(void **state)
{
    (void)state;
    hp_rng rng = {99};
    for (size_t n = 0; n <= 130; n++) {
        char text[136];
        uint8_t raw[100];
        size_t whole = n / 4 * 4, rawn = whole / 4 * 3;
        /* random padding length in the final quartet */
        if (whole && hp_rng_below(&rng, 2))
            rawn -= 1 + hp_rng_below(&rng, 2);
        hp_rng_fill(&rng, raw, rawn);
        hp_base64_encode_naive(raw, rawn, text);
        for (size_t i = whole; i < n; i++)
            text[i] = "AZaz09+/"[hp_rng_below(&rng, 8)];
        /* Lengths not a multiple of 4 get every position, but a sample of
         * the byte values, to keep this fast under ASan. */
        const unsigned step = n % 4 ? 7 : 1;
        for (size_t p = 0; p < n; p++) {
            const char keep = text[p];
            for (unsigned c = 0; c < 256; c += step) {
                text[p] = (char)c;
                decode_all(text, n, 0, 0);
            }
            text[p] = keep;
        }
    }
}

/* Maps two pages and makes the second inaccessible: a buffer that ends at
 * the boundary faults on any access past its end. */
static unsigned char *guarded(size_t *page)
{
    *page = (size_t)sysconf(_SC_PAGESIZE);
    unsigned char *p = mmap(NULL, 2 * *page, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(p != MAP_FAILED);
    assert_int_equal(mprotect(p + *page, *page, PROT_NONE), 0);
    return p;
}

/* One case of the guard-page tests: n random bytes in raw (n <= 300)
 * and their encoding by the reference in want; returns its length. */
static size_t guard_case(hp_rng *rng, size_t n, uint8_t *raw, char *want)
{
    hp_rng_fill(rng, raw, n);
    const size_t m = hp_base64_encode_naive(raw, n, want);
    assert_int_equal(m, hp_base64_encoded_len(n));
    return m;
}

/* Inputs and outputs that end right before a PROT_NONE page, at every
 * length 0..300: no variant reads or writes past its buffers. */
static void guard_pages(void **state)
{
    (void)state;
    size_t page;
    unsigned char *in = guarded(&page), *out = guarded(&page);
    hp_rng rng = {5};
    for (size_t n = 0; n <= 300; n++) {
        uint8_t raw[300];
        char want[400];
        const size_t m = guard_case(&rng, n, raw, want);
        uint8_t *src = in + page - n;
        memcpy(src, raw, n);
        for (size_t e = 0; e < enc.n; e++) {
            char *dst = (char *)out + page - m;
            assert_int_equal(ENC(e)(src, n, dst), m);
            assert_memory_equal(dst, want, m);
        }
        char *text = (char *)in + page - m;
        memcpy(text, want, m);
        const size_t room = hp_base64_decoded_max(m);
        for (size_t d = 0; d < dec.n; d++) {
            uint8_t *dst = out + page - room;
            if (DEC(d)(text, m, dst) != (ptrdiff_t)n)
                fail_at(dec.v[d], "guarded", m, DEC(d)(text, m, dst), (ptrdiff_t)n);
            assert_memory_equal(dst, raw, n);
            /* broken last byte, then a bad length, at the guard too */
            if (m) {
                text[m - 1] = '!';
                assert_int_equal(DEC(d)(text, m, dst), -(ptrdiff_t)m);
                text[m - 1] = want[m - 1];
                assert_true(DEC(d)(text + 1, m - 1, out + page - room) < 0);
            }
        }
    }
    munmap(in, 2 * page);
    munmap(out, 2 * page);
}
/* Inputs and outputs that start right after a PROT_NONE page, at every
 * length 0..300: no variant reads or writes before its buffers (the AVX2
 * encoders load 32 bytes at p - 4 from their second step on). */
static void guard_pages_before(void **state)
{
    (void)state;
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    unsigned char *map[2];
    for (int k = 0; k < 2; k++) {
        map[k] = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        assert_true(map[k] != MAP_FAILED);
        assert_int_equal(mprotect(map[k], page, PROT_NONE), 0);
    }
    unsigned char *in = map[0] + page, *out = map[1] + page;
    hp_rng rng = {6};
    for (size_t n = 0; n <= 300; n++) {
        uint8_t raw[300];
        char want[400];
        const size_t m = guard_case(&rng, n, raw, want);
        memcpy(in, raw, n);
        for (size_t e = 0; e < enc.n; e++) {
            assert_int_equal(ENC(e)(in, n, (char *)out), m);
            assert_memory_equal(out, want, m);
        }
        memcpy(in, want, m);
        for (size_t d = 0; d < dec.n; d++) {
            if (DEC(d)((char *)in, m, out) != (ptrdiff_t)n)
                fail_at(dec.v[d], "after a guard page", m, DEC(d)((char *)in, m, out),
                        (ptrdiff_t)n);
            assert_memory_equal(out, raw, n);
        }
    }
    munmap(map[0], 2 * page);
    munmap(map[1], 2 * page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rfc_vectors),
        cmocka_unit_test(alphabet),
        cmocka_unit_test(stated_offsets),
        cmocka_unit_test(round_trip),
        cmocka_unit_test(guard_pages),
        cmocka_unit_test(guard_pages_before),
        cmocka_unit_test(every_byte_everywhere),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
