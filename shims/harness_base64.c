/* Harnesses of milestone 6 (kernels/base64).  The size is the input's
 * length in bytes: encode reads `size` random bytes; decode `size`
 * characters of valid base64 (whole quartets, no padding), made here from
 * random 6-bit values so the input does not depend on the variants under
 * test.  64 B .. 16 MiB by 16 with 1 MiB added.  The limit line copies the
 * input bytes. */
#include "harness_impl.h"
#include "base64.h"

#include <stdio.h>

static int prep_encode(hp_input *in, uint64_t n, char *err, size_t len)
{
    uint8_t *src = hp_input_alloc(in, 0, n, err, len);
    if (!src || !hp_input_alloc(in, 1, (n + 2) / 3 * 4, err, len))
        return -1;
    hp_rng r = {1};
    hp_rng_fill(&r, src, n);
    in->size = n;
    in->bytes = n + (n + 2) / 3 * 4;
    return 0;
}

static uint64_t run_encode(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_base64_encode_fn f = HP_FN(hp_base64_encode_fn, fn);
    const uint8_t *src = in->buf[0];
    char *dst = in->buf[1];
    const size_t n = in->size;
    uint64_t sink = 0;
    for (uint64_t i = 0; i < iters; i++) {
        const size_t out = f(src, n, dst);
        HP_KEEP(out);
        sink += out;
    }
    return sink;
}

static int prep_decode(hp_input *in, uint64_t n, char *err, size_t len)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    if (n % 4) {
        snprintf(err, len, "base64_decode: size %llu is not a multiple of 4 (whole quartets)",
                 (unsigned long long)n);
        return -1;
    }
    char *src = hp_input_alloc(in, 0, n, err, len);
    if (!src || !hp_input_alloc(in, 1, n / 4 * 3, err, len))
        return -1;
    hp_rng r = {2};
    for (uint64_t i = 0; i < n; i++) /* any 6-bit values: every quartet is valid */
        src[i] = alphabet[hp_rng_next(&r) & 63];
    in->size = n;
    in->bytes = n + n / 4 * 3;
    return 0;
}

/* Sums the results: n/4*3 per call on this valid input, so a caller can
 * tell a decoder that rejected it (a negative result) from one that did
 * not. */
static uint64_t run_decode(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_base64_decode_fn f = HP_FN(hp_base64_decode_fn, fn);
    const char *src = in->buf[0];
    uint8_t *dst = in->buf[1];
    const size_t n = in->size;
    uint64_t sink = 0;
    for (uint64_t i = 0; i < iters; i++) {
        const ptrdiff_t out = f(src, n, dst);
        HP_KEEP(out);
        sink += (uint64_t)out;
    }
    return sink;
}

static uint64_t input_bytes(uint64_t n) { return n; }

static const uint64_t sizes[] = {64, 1 << 10, 16 << 10, 1 << 20, 16 << 20};
static const uint64_t quick[] = {64, 16 << 20};

const hp_harness hp_harness_base64[] = {
    {"base64_encode", HP_ARRAY(sizes), HP_ARRAY(quick), 1 << 20, prep_encode, run_encode,
     hp_check_base64_encode, NULL, 0, 0, NULL, input_bytes, 1},
    {"base64_decode", HP_ARRAY(sizes), HP_ARRAY(quick), 1 << 20, prep_decode, run_decode,
     hp_check_base64_decode, NULL, 0, 0, NULL, input_bytes, 1},
};
HP_HARNESS_COUNT(base64)
