/* The harnesses of all milestones joined in journey order, and the input
 * buffers they share. */
#include "harness_impl.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DECLARE(m) HP_HARNESS_TABLE(m)
HP_MILESTONES(DECLARE)
#undef DECLARE
HP_HARNESS_TABLE(calibration) /* not a milestone: shims/calibration.h */

#define MAX_HARNESSES 128

static hp_harness all[MAX_HARNESSES];
static size_t n_all;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void append(const hp_harness *h, size_t n)
{
    /* Capacity is a fact of this repository; test_harness checks that
     * every registered family has its harness, so overflow cannot hide. */
    for (size_t i = 0; i < n && n_all < MAX_HARNESSES; i++)
        all[n_all++] = h[i];
}

static void build(void)
{
#define JOIN(m) append(hp_harness_##m, hp_harness_##m##_n);
    HP_MILESTONES(JOIN)
    JOIN(calibration)
#undef JOIN
}

const hp_harness *hp_harnesses(size_t *count)
{
    pthread_once(&once, build);
    if (count)
        *count = n_all;
    return all;
}

const hp_harness *hp_harness_find(const char *family)
{
    size_t n;
    const hp_harness *h = hp_harnesses(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(h[i].family, family) == 0)
            return &h[i];
    return NULL;
}

int hp_harness_prepare(const hp_harness *h, hp_input *in, uint64_t size, size_t mode, char *err,
                       size_t len)
{
    if (h->n_modes ? mode >= h->n_modes : mode != 0) {
        snprintf(err, len, "%s has no mode %zu", h->family, mode);
        return -1;
    }
    if (in->offset > 63 || in->offset % h->offset_align) {
        snprintf(err, len, "%s: offset %zu is not a multiple of %zu below 64", h->family,
                 in->offset, h->offset_align);
        return -1;
    }
    return h->prepare_mode ? h->prepare_mode(in, size, mode, err, len)
                           : h->prepare(in, size, err, len);
}

int hp_harness_mode(const hp_harness *h, const char *name)
{
    for (size_t i = 0; i < h->n_modes; i++)
        if (strcmp(h->modes[i], name) == 0)
            return (int)i;
    return -1;
}

void *hp_input_alloc(hp_input *in, int slot, size_t bytes, char *err, size_t len)
{
    if (slot < 0 || slot >= HP_INPUT_BUFS || in->buf[slot] || in->offset > 63) {
        snprintf(err, len, "input buffer %d: bad slot or offset (a harness bug)", slot);
        return NULL;
    }
    /* Never 0 bytes, a multiple of the alignment, room for the offset. */
    const size_t rounded = (bytes + in->offset) / 64 * 64 + 64;
    if (bytes > SIZE_MAX - 128) {
        snprintf(err, len, "out of memory for %zu bytes", bytes);
        return NULL;
    }
    unsigned char *p = aligned_alloc(64, rounded);
    if (!p) {
        snprintf(err, len, "out of memory for %zu bytes", bytes);
        return NULL;
    }
    memset(p, 0, rounded);
    in->buf[slot] = p + in->offset;
    in->buf_len[slot] = bytes;
    return in->buf[slot];
}

void hp_input_free(hp_input *in)
{
    const size_t offset = in->offset;
    for (int i = 0; i < HP_INPUT_BUFS; i++)
        if (in->buf[i])
            free((unsigned char *)in->buf[i] - offset);
    memset(in, 0, sizeof *in);
    in->offset = offset;
}

int hp_harness_prep_i32(hp_input *in, uint64_t n, void (*fill)(hp_rng *r, int32_t *a, size_t n),
                        uint64_t seed, char *err, size_t len)
{
    int32_t *a = hp_input_alloc(in, 0, n * sizeof *a, err, len);
    if (!a)
        return -1;
    hp_rng r = {seed};
    fill(&r, a, n);
    in->size = n;
    in->bytes = n * sizeof *a;
    return 0;
}

uint64_t hp_harness_run_i32(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_sum_array_fn f = HP_FN(hp_sum_array_fn, fn);
    const int32_t *a = in->buf[0];
    const size_t n = in->size;
    uint64_t sink = 0;
    for (uint64_t i = 0; i < iters; i++) {
        const int32_t s = f(a, n);
        HP_KEEP(s);
        sink += (uint32_t)s;
    }
    return sink;
}

int hp_limit_prepare(const hp_harness *h, hp_input *in, uint64_t size, char *err, size_t len)
{
    if (!h->limit_bytes) {
        snprintf(err, len, "%s has no limit line", h->family);
        return -1;
    }
    const uint64_t bytes = h->limit_bytes(size);
    unsigned char *src = hp_input_alloc(in, 0, bytes, err, len);
    if (!src || !hp_input_alloc(in, 1, bytes, err, len))
        return -1;
    hp_rng r = {3};
    hp_rng_fill(&r, src, bytes);
    in->size = size;
    in->bytes = 2 * bytes;
    in->arg = bytes;
    return 0;
}

uint64_t hp_limit_run(const void *fn, hp_input *in, uint64_t iters)
{
    typedef void (*copy_fn)(void *dst, const void *src, size_t n);
    const copy_fn f = HP_FN(copy_fn, fn);
    unsigned char *dst = in->buf[1];
    const size_t n = in->arg;
    for (uint64_t i = 0; i < iters; i++) {
        f(dst, in->buf[0], n);
        HP_CLOBBER();
    }
    return n ? dst[n - 1] : 0;
}
