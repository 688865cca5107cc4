/* Pairing two builds' benchmarks and measuring them (compare.h). */
#include "compare.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int hc_note(hc_run *run, const char *fmt, ...)
{
    if (run->nnotes == run->allocnotes) {
        const size_t na = run->allocnotes ? 2 * run->allocnotes : 16;
        char **n = realloc(run->notes, na * sizeof *n);
        if (!n)
            return -1;
        run->notes = n;
        run->allocnotes = na;
    }
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (!(run->notes[run->nnotes] = strdup(buf)))
        return -1;
    run->nnotes++;
    return 0;
}

/* Library peers and limits are other projects' code (OpenBLAS, libc): the
 * same in both builds, so not what a comparison of builds is about. */
static int ours(const hp_variant *v)
{
    return v->stage < HP_STAGE_LIBRARY;
}

static int has_size(const uint64_t *s, size_t n, uint64_t x)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == x)
            return 1;
    return 0;
}

static void sizes_of(const hp_harness *h, int quick, const uint64_t **s, size_t *n)
{
    *s = quick ? h->quick_sizes : h->sizes;
    *n = quick ? h->n_quick_sizes : h->n_sizes;
}

static int selected(const hc_options *o, const char *name)
{
    return !o->filter || regexec(&o->re, name, 0, NULL, 0) == 0;
}

/* v against its family's reference, in v's own build. */
static int gate(const hc_build *bd, const hp_harness *h, const hp_variant *v, char *msg,
                size_t len)
{
    const hp_family *f = bd->find_family(v->family);
    const hp_variant *ref = f ? bd->find(v->family, f->reference) : NULL;
    if (!ref) {
        snprintf(msg, len, "%s has no reference variant in this build", v->family);
        return -1;
    }
    return h->check(v, ref, msg, len) != 0 ? -1 : 0;
}

static int add_result(hc_run *run, hc_result *res)
{
    if (run->n == run->alloc) {
        const size_t na = run->alloc ? 2 * run->alloc : 64;
        hc_result *r = realloc(run->res, na * sizeof *r);
        if (!r)
            return -1;
        run->res = r;
        run->alloc = na;
    }
    run->res[run->n++] = *res;
    return 0;
}

/* 1 if both builds' harnesses made the same input (sizes, scalars and
 * every byte of every buffer). */
static int same_input(const hp_input *x, const hp_input *y)
{
    if (x->size != y->size || x->bytes != y->bytes || x->arg != y->arg)
        return 0;
    for (int k = 0; k < HP_INPUT_BUFS; k++)
        if (x->buf_len[k] != y->buf_len[k] || !x->buf[k] != !y->buf[k] ||
            (x->buf[k] && memcmp(x->buf[k], y->buf[k], x->buf_len[k]) != 0))
            return 0;
    return 1;
}

/* A mode's input: prepare_mode when the family has one (harness.h). */
static int prep(const hp_harness *h, hp_input *in, uint64_t size, size_t mode, char *err,
                size_t len)
{
    return h->prepare_mode ? h->prepare_mode(in, size, mode, err, len)
                           : h->prepare(in, size, err, len);
}

/* The index of mode `name` in h, or -1; a family without modes has one
 * unnamed mode (NULL). */
static long mode_index(const hp_harness *h, const char *name)
{
    if (!h->n_modes)
        return name ? -1 : 0;
    for (size_t i = 0; name && i < h->n_modes; i++)
        if (strcmp(h->modes[i], name) == 0)
            return (long)i;
    return -1;
}

/* family/variant/size, then /mode when the family has modes. */
static const char *bench_name(char *buf, size_t len, const hp_variant *v, uint64_t size,
                              const char *mode)
{
    snprintf(buf, len, "%s/%s/%" PRIu64 "%s%s", v->family, v->name, size, mode ? "/" : "",
             mode ? mode : "");
    return buf;
}

static int measure(const hc_build *a, const hc_build *b, const hp_harness *ha,
                   const hp_harness *hb, const hp_variant *va, const hp_variant *vb,
                   uint64_t size, size_t mode_a, size_t mode_b, const char *name,
                   const hc_options *o, hc_run *run)
{
    hp_input ia = {0}, ib = {0};
    char err[512];
    hc_result res = {0};
    int rc = 0;
    if (prep(ha, &ia, size, mode_a, err, sizeof err) != 0) {
        run->failed = 1;
        rc = hc_note(run, "%s: build A cannot prepare its input: %s", name, err);
    } else if (prep(hb, &ib, size, mode_b, err, sizeof err) != 0) {
        run->failed = 1;
        rc = hc_note(run, "%s: build B cannot prepare its input: %s", name, err);
    } else {
        /* Both sides run on one input when the harnesses agree on it: the
         * same buffers at the same addresses, so placement (page, cache
         * set, 4 KiB aliasing between source and destination) is shared
         * and only the code differs.  Measured on an A/A run before this:
         * separate inputs moved base64_encode/table/64 by -11% and the
         * 16 MiB encodes by +12-15%, all "significant". */
        const int shared = same_input(&ia, &ib);
        if (shared)
            b->input_free(&ib);
        else if (hc_note(run, "%s: the builds' harnesses make different inputs: each side "
                              "runs on its own (placement not shared)", name))
            rc = -1;
        const hp_pair_side sa = {.harness = ha, .fn = va->fn, .in = &ia};
        const hp_pair_side sb = {.harness = hb, .fn = vb->fn, .in = shared ? &ia : &ib};
        res.bytes = ia.bytes;
        /* not fatal: mostly a benchmark too slow for the budget */
        if (rc == 0 && hp_pair_measure(&sa, &sb, &o->pair, &res.r, err, sizeof err) != 0) {
            rc = hc_note(run, "%s: not measured: %s", name, err);
            hp_pair_rounds_free(&res.r);
        } else if (rc == 0 && (!(res.name = strdup(name)) || add_result(run, &res) != 0)) {
            free(res.name);
            hp_pair_rounds_free(&res.r);
            rc = -1;
        }
    }
    a->input_free(&ia);
    b->input_free(&ib);
    return rc;
}

/* Every size and mode of one variant present in both builds. */
static int variant(const hc_build *a, const hc_build *b, const hp_harness *ha,
                   const hp_harness *hb, const hp_variant *va, const hc_options *o, hc_run *run)
{
    const uint64_t *sa, *sb;
    size_t na, nb;
    sizes_of(ha, o->quick, &sa, &na);
    sizes_of(hb, o->quick, &sb, &nb);
    const size_t ma = ha->n_modes ? ha->n_modes : 1, mb = hb->n_modes ? hb->n_modes : 1;
    char name[512];
    int any = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t m = 0; m < ma; m++)
            any |= selected(o, bench_name(name, sizeof name, va, sa[i],
                                          ha->n_modes ? ha->modes[m] : NULL));
    if (!any)
        return 0;
    const hp_variant *vb = b->find(va->family, va->name);
    if (!vb)
        return hc_note(run, "%s/%s: only in build A", va->family, va->name);
    const char *why = NULL;
    if (!a->runnable(va, &why) || !b->runnable(vb, &why))
        return hc_note(run, "%s/%s: not run: %s", va->family, va->name, why);
    char msg[1024];
    const hc_build *bad = gate(a, ha, va, msg, sizeof msg) != 0   ? a
                          : gate(b, hb, vb, msg, sizeof msg) != 0 ? b
                                                                  : NULL;
    if (bad) {
        run->failed = 1;
        return hc_note(run, "%s/%s: build %s gives wrong results, not timed: %s", va->family,
                       va->name, bad->label, msg);
    }
    for (size_t i = 0; i < na; i++) {
        for (size_t m = 0; m < ma; m++) {
            const char *mode = ha->n_modes ? ha->modes[m] : NULL;
            if (!selected(o, bench_name(name, sizeof name, va, sa[i], mode)))
                continue;
            const long in_b = mode_index(hb, mode);
            const char *missing = !has_size(sb, nb, sa[i]) ? "size" : in_b < 0 ? "mode" : NULL;
            if (missing) {
                if (hc_note(run, "%s: %s only in build A's harness", name, missing))
                    return -1;
            } else if (measure(a, b, ha, hb, va, vb, sa[i], m, (size_t)in_b, name, o, run)) {
                return -1;
            }
        }
    }
    for (size_t i = 0; i < nb; i++)
        for (size_t m = 0; m < mb; m++) {
            const char *mode = hb->n_modes ? hb->modes[m] : NULL;
            if (selected(o, bench_name(name, sizeof name, va, sb[i], mode)) &&
                (!has_size(sa, na, sb[i]) || mode_index(ha, mode) < 0) &&
                hc_note(run, "%s: %s only in build B's harness", name,
                        !has_size(sa, na, sb[i]) ? "size" : "mode"))
                return -1;
        }
    return 0;
}

/* 1 if a variant before v[i] has v[i]'s family. */
static int seen_family(const hp_variant *v, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (strcmp(v[k].family, v[i].family) == 0)
            return 1;
    return 0;
}

/* Families are walked through the registry (hp_variant, a fixed interface)
 * and each harness is reached by hp_harness_find, never by indexing the
 * harness array: a build whose hp_harness grew new fields at the end
 * (harness.h allows that) has another array stride than this program. */
int hc_measure_all(const hc_build *a, const hc_build *b, const hc_options *o, hc_run *run)
{
    size_t nva, nvb;
    const hp_variant *va = a->variants(&nva), *vb = b->variants(&nvb);
    for (size_t i = 0; i < nva; i++) {
        if (!ours(&va[i]) || seen_family(va, i))
            continue;
        const char *family = va[i].family;
        const hp_harness *ha = a->harness_find(family), *hb = b->harness_find(family);
        if (!ha || !hb) {
            if (hc_note(run, "%s: %s", family, !ha ? "no harness in build A"
                                         : b->find_family(family) ? "no harness in build B"
                                                                  : "only in build A"))
                return -1;
            continue;
        }
        const size_t before = run->n;
        for (size_t k = i; k < nva; k++)
            if (strcmp(va[k].family, family) == 0 && ours(&va[k]) &&
                variant(a, b, ha, hb, &va[k], o, run) != 0)
                return -1;
        for (size_t k = 0; k < nvb; k++)
            if (strcmp(vb[k].family, family) == 0 && ours(&vb[k]) &&
                !a->find(vb[k].family, vb[k].name) &&
                hc_note(run, "%s/%s: only in build B", vb[k].family, vb[k].name))
                return -1;
        if (run->n > before)
            fprintf(stderr, "hotpath-compare: %s: %zu benchmarks measured\n", family,
                    run->n - before);
    }
    for (size_t i = 0; i < nvb; i++)
        if (ours(&vb[i]) && !seen_family(vb, i) && !a->find_family(vb[i].family) &&
            hc_note(run, "%s: only in build B", vb[i].family))
            return -1;
    return 0;
}

void hc_run_free(hc_run *run)
{
    for (size_t i = 0; i < run->n; i++) {
        free(run->res[i].name);
        hp_pair_rounds_free(&run->res[i].r);
    }
    for (size_t i = 0; i < run->nnotes; i++)
        free(run->notes[i]);
    free(run->res);
    free(run->notes);
    memset(run, 0, sizeof *run);
}
