/* Streaming decode.  Each read is compacted (newlines, and with -i all
 * garbage, dropped; memchr-based for newlines) behind the characters held
 * from the previous read, then the codec decodes whole quartets in bulk.
 * The last whole quartet and any partial one are held back until more
 * input or the end shows whether they are the final quartet (the only one
 * that may carry '=' padding), so a quartet split across reads, or padding
 * at a read boundary, decodes exactly as in one piece. */
#include <string.h>
#include <stdlib.h>

#include "b64.h"
#include "base64.h"

/* Bytes per read; the compacted copy and the decoded output sit beside it
 * (~350 KiB in all, within L2).  CPU time of `b64 -d` on 87 MiB of
 * wrapped text (perf stat -r 20, Zen 5, shared): 16 KiB 16.6 ms, 32-128
 * KiB 15.6-15.7, 1 MiB 16.7; `cat` of the file 12.6. */
#define DEC_CHUNK (128u * 1024)
/* At most one whole quartet and a partial one are held between reads. */
#define HOLD_MAX 7
/* The held characters sit right before a fixed point of the character
 * buffer, 64 bytes in, where each read's kept characters go: so the copy
 * of a read with no newline (-w 0 text) runs from raw to a destination of
 * the same alignment.  Appending after the held ones instead put it 4-7
 * bytes out of step, a copy glibc 2.36's rep movsb path runs at ~2 GB/s
 * (b64 -d of 256 MiB single-line text: 381 ms vs 127 ms wrapped, Zen 4). */
#define BODY_AT 64

typedef struct dec_state {
    int ignore_garbage;
    const char *raw;   /* this read's bytes */
    size_t raw_n;
    uint64_t raw_pos;  /* stream offset of raw[0] */
    char *body;        /* where this read's kept characters go */
    char *chars;       /* body - held: held characters, then this read's */
    size_t held;       /* characters of chars[] from earlier reads */
    uint64_t held_pos[HOLD_MAX]; /* their stream offsets */
} dec_state;

static int in_alphabet(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '+' || c == '/';
}

static int kept(const dec_state *s, unsigned char c)
{
    return s->ignore_garbage ? in_alphabet(c) || c == '=' : c != '\n';
}

/* Moves the bytes between newlines of src[0..n) to dst (dst <= src, or
 * not overlapping); returns their count. */
static size_t drop_newlines(const char *src, size_t n, char *dst)
{
    const char *end = src + n;
    char *d = dst;
    for (;;) {
        const char *nl = memchr(src, '\n', (size_t)(end - src));
        size_t k = (size_t)((nl ? nl : end) - src);
        memmove(d, src, k);
        d += k;
        if (!nl)
            return (size_t)(d - dst);
        src = nl + 1;
    }
}

/* Copies lines of `len` characters while each is followed by a newline,
 * without looking inside them; advances *src and *d. */
#define COPY_LINES(len)                                                      \
    while ((size_t)(end - *src) > (len) && (*src)[len] == '\n') {            \
        memcpy(*d, *src, len);                                               \
        *d += (len), *src += (len) + 1;                                      \
    }
static void copy_lines(const char **src, const char *end, char **d, size_t len)
{
    /* len == 76 and 64 are the same loop with a constant size */
    if (len == 76) /* coreutils' and b64's default */
        COPY_LINES(76)
    else if (len == 64) /* PEM and openssl base64 */
        COPY_LINES(64)
    else
        COPY_LINES(len)
}

/* Copies the bytes of src that are kept to dst; returns their count.
 * Wrapped input has lines of one length: after the first line, whole
 * lines are copied while a newline follows each, with no search; a short
 * line inside such a run would leave its newline in dst, so one fast scan
 * of dst checks and drops any (rare: lines of uneven length). */
static size_t compact(const dec_state *s, const char *src, size_t n, char *dst)
{
    char *d = dst;
    if (s->ignore_garbage) {
        for (size_t i = 0; i < n; i++) {
            *d = src[i];
            d += kept(s, (unsigned char)src[i]);
        }
        return (size_t)(d - dst);
    }
    const char *end = src + n;
    int blind = 0; /* lines were copied unseen */
    while (src < end) {
        const char *nl = memchr(src, '\n', (size_t)(end - src));
        size_t k = (size_t)((nl ? nl : end) - src);
        memcpy(d, src, k);
        d += k;
        if (!nl)
            break;
        src = nl + 1;
        if (k && (size_t)(end - src) > k && src[k] == '\n') {
            copy_lines(&src, end, &d, k);
            blind = 1;
        }
    }
    size_t m = (size_t)(d - dst);
    return blind && memchr(dst, '\n', m) ? drop_newlines(dst, m, dst) : m;
}

/* Stream offset of chars[i] (only on errors: a scan of this read). */
static uint64_t offset_of(const dec_state *s, size_t i)
{
    if (i < s->held)
        return s->held_pos[i];
    size_t rank = i - s->held;
    for (size_t p = 0;; p++)
        if (kept(s, (unsigned char)s->raw[p]) && rank-- == 0)
            return s->raw_pos + p;
}

static int invalid_at(const dec_state *s, size_t i)
{
    b64_error("invalid input at byte offset %llu", (unsigned long long)offset_of(s, i));
    return B64_EXIT_FAIL;
}

/* Decodes chars[0..n): a failure writes the quartets before the bad one
 * (which decode, being before the first bad byte) and reports it. */
static int decode_block(const dec_state *s, size_t n, hp_base64_decode_fn dec, uint8_t *out)
{
    ptrdiff_t r = dec(s->chars, n, out);
    if (r >= 0)
        return b64_write(out, (size_t)r) < 0 ? B64_EXIT_FAIL : 0;
    size_t bad = (size_t)(-(r + 1));
    ptrdiff_t ok = dec(s->chars, bad / 4 * 4, out);
    if (ok > 0 && b64_write(out, (size_t)ok) < 0)
        return B64_EXIT_FAIL;
    return invalid_at(s, bad);
}

/* Keeps chars[from..n) (at most HOLD_MAX) as the held characters of the
 * next read, with their offsets: from the last read's tail, scanned
 * backwards, or from the previous hold. */
static void hold(dec_state *s, size_t from, size_t n)
{
    uint64_t pos[HOLD_MAX];
    size_t p = s->raw_n;
    for (size_t i = n; i-- > from;) {
        if (i < s->held) {
            pos[i - from] = s->held_pos[i];
            continue;
        }
        do
            p--;
        while (!kept(s, (unsigned char)s->raw[p]));
        pos[i - from] = s->raw_pos + p;
    }
    memmove(s->body - (n - from), s->chars + from, n - from);
    memcpy(s->held_pos, pos, (n - from) * sizeof pos[0]);
    s->held = n - from;
    s->chars = s->body - s->held;
}

int b64_decode_stream(int fd, const char *name, int ignore_garbage, hp_base64_decode_fn dec)
{
    dec_state s = {.ignore_garbage = ignore_garbage};
    char *raw = b64_alloc(DEC_CHUNK);
    char *chars = b64_alloc(BODY_AT + DEC_CHUNK);
    uint8_t *out = b64_alloc(hp_base64_decoded_max(HOLD_MAX + DEC_CHUNK));
    int rc = B64_EXIT_FAIL;
    if (!raw || !chars || !out)
        goto out;
    s.raw = raw;
    s.body = s.chars = chars + BODY_AT;

    for (;;) {
        ssize_t r = b64_read(fd, name, raw, DEC_CHUNK);
        if (r < 0) {
            rc = B64_EXIT_FAIL;
            break;
        }
        s.raw_n = (size_t)r;
        size_t n = s.held + compact(&s, raw, s.raw_n, s.body);
        if (r == 0) { /* the end: what is held is the final quartet */
            rc = n ? decode_block(&s, n, dec, out) : 0;
            break;
        }
        /* everything but the last whole quartet and a partial one */
        size_t whole = n - n % 4;
        size_t take = whole >= 4 ? whole - 4 : 0;
        if (take) {
            /* not the final quartet, so '=' cannot end it: the first byte
             * outside the alphabet there is the error (the codec would
             * take the '=' as padding) */
            if (s.chars[take - 1] == '=' || s.chars[take - 2] == '=') {
                if ((rc = decode_block(&s, take - 4, dec, out)) != 0)
                    break;
                size_t i = take - 4;
                while (in_alphabet((unsigned char)s.chars[i]))
                    i++;
                rc = invalid_at(&s, i);
                break;
            }
            if ((rc = decode_block(&s, take, dec, out)) != 0)
                break;
        }
        hold(&s, take, n);
        s.raw_pos += s.raw_n;
    }
out:
    free(raw);
    free(chars);
    free(out);
    return rc;
}
