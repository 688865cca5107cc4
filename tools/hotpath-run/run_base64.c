/* Runners of milestone 6 (kernels/base64).  encode: `size` random bytes.
 * decode: `size` characters of valid base64 (whole quartets, no padding),
 * made here by a plain encoder so the input does not depend on the
 * variants under test. */
#include "runners.h"

#include "rng.h"
#include "hotpath.h"

#include <stdio.h>

static int prep_encode(hp_run_input *in, size_t n, char *err, size_t len)
{
    uint8_t *src = hp_run_alloc(in, 0, n, err, len);
    if (!src || !hp_run_alloc(in, 1, (n + 2) / 3 * 4, err, len))
        return -1;
    hp_rng r = {1};
    hp_rng_fill(&r, src, n);
    in->size = n;
    in->bytes = n + (n + 2) / 3 * 4;
    return 0;
}

static uint64_t call_encode(const void *fn, hp_run_input *in)
{
    return HP_RUN_FN(hp_base64_encode_fn, fn)(in->buf[0], in->size, in->buf[1]);
}

static int prep_decode(hp_run_input *in, size_t n, char *err, size_t len)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    if (n % 4) {
        snprintf(err, len, "base64_decode: size %zu is not a multiple of 4 (whole quartets)", n);
        return -1;
    }
    char *src = hp_run_alloc(in, 0, n, err, len);
    if (!src || !hp_run_alloc(in, 1, n / 4 * 3, err, len))
        return -1;
    hp_rng r = {1};
    for (size_t i = 0; i < n; i++) /* any 6-bit values: every quartet is valid */
        src[i] = alphabet[hp_rng_next(&r) & 63];
    in->size = n;
    in->bytes = n + n / 4 * 3;
    return 0;
}

static uint64_t call_decode(const void *fn, hp_run_input *in)
{
    return (uint64_t)HP_RUN_FN(hp_base64_decode_fn, fn)(in->buf[0], in->size, in->buf[1]);
}

const hp_runner hp_runners_base64[] = {
    {"base64_encode", 1 << 20, prep_encode, call_encode},
    {"base64_decode", 1 << 20, prep_decode, call_decode},
};
HP_RUNNERS_COUNT(base64)
