/* Milestone 4: every add_f32, dot_f32 and max_f32 variant and peer, at
 * every length 0..257 (the gate's checks, which also cover random lengths,
 * misaligned pointers and out == a / out == b), with the data ending right
 * before a PROT_NONE page, past the streaming threshold of add, and on the
 * inputs that decide max's NaN and signed-zero rule and dot's NaN and
 * infinity propagation.  A variant this CPU (or HOTPATH_ISA) cannot run,
 * or an OpenBLAS copy that did not load, is reported as skipped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "gate.h"
#include "hotpath.h"
#include "peers_simd.h"
#include "rng.h"
#include "simd.h"
#include "simd/add_f32_stream.h"

static const char *const families[] = {"add_f32", "dot_f32", "max_f32"};

/* The i-th runnable implementation of family (registry then peers, limits
 * excluded), or NULL past the last; skipped ones are reported once. */
static const hp_variant *nth(const char *family, size_t i)
{
    size_t n;
    const hp_variant *v = hp_all_variants(&n);
    for (size_t j = 0; j < n; j++) {
        if (strcmp(v[j].family, family) != 0 || v[j].stage == HP_STAGE_LIMIT)
            continue;
        const char *why;
        if (!hp_all_runnable(&v[j], &why)) {
            if (i == 0)
                fprintf(stderr, "skip %s/%s: %s\n", family, v[j].name, why);
            continue;
        }
        if (i-- == 0)
            return &v[j];
    }
    return NULL;
}

#define EACH(fam, v) \
    for (size_t idx_ = 0; ((v) = nth((fam), idx_)) != NULL; idx_++)

static int same(float x, float y)
{
    return (isnan(x) && isnan(y)) || memcmp(&x, &y, sizeof x) == 0;
}

static void gate_checks_pass(void **state)
{
    (void)state;
    char msg[512];
    for (size_t f = 0; f < 3; f++) {
        const hp_variant *v;
        size_t checked = 0;
        EACH(families[f], v) {
            if (hp_gate_check(v, msg, sizeof msg) != 0)
                fail_msg("%s", msg);
            checked++;
        }
        assert_true(checked >= 2); /* at least the reference and scalar, everywhere */
    }
}

static void seed_values(void **state)
{
    (void)state;
    const float a[] = {1, 2, 3, 4}, b[] = {5, 6, 7, 8}, m[] = {-3, 7.5f, 2, 7.25f, -1};
    const hp_variant *v;
    EACH("add_f32", v) {
        float out[4];
        ((hp_add_f32_fn)v->fn)(a, b, out, 4);
        for (int i = 0; i < 4; i++)
            assert_true(out[i] == a[i] + b[i]);
    }
    EACH("dot_f32", v) {
        assert_true(((hp_dot_f32_fn)v->fn)(a, b, 4) == 70.0f); /* exact */
        assert_true(same(((hp_dot_f32_fn)v->fn)(a, b, 0), 0.0f));
    }
    EACH("max_f32", v) {
        hp_max_f32_fn f = (hp_max_f32_fn)v->fn;
        assert_true(f(m, 5) == 7.5f);
        assert_true(f(m, 0) == -INFINITY);
    }
}

/* n floats ending exactly at a PROT_NONE page: one past the end faults. */
typedef struct guard { unsigned char *map; size_t page; } guard;

static guard guard_new(void)
{
    guard g = {NULL, (size_t)sysconf(_SC_PAGESIZE)};
    g.map = mmap(NULL, 2 * g.page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(g.map != MAP_FAILED);
    assert_int_equal(mprotect(g.map + g.page, g.page, PROT_NONE), 0);
    return g;
}

static float *guard_floats(guard g, size_t n)
{
    return (float *)(void *)(g.map + g.page) - n;
}

static void guard_free(guard g) { munmap(g.map, 2 * g.page); }

static void ends_before_a_protected_page(void **state)
{
    (void)state;
    guard ga = guard_new(), gb = guard_new(), go = guard_new();
    hp_add_f32_fn add_ref = (hp_add_f32_fn)hp_find("add_f32", "scalar")->fn;
    hp_dot_f32_fn dot_ref = (hp_dot_f32_fn)hp_find("dot_f32", "f64acc")->fn;
    hp_max_f32_fn max_ref = (hp_max_f32_fn)hp_find("max_f32", "scalar")->fn;
    float want[257];
    hp_rng rng = {11};
    for (size_t n = 0; n <= 257; n++) {
        float *a = guard_floats(ga, n), *b = guard_floats(gb, n), *out = guard_floats(go, n);
        for (size_t i = 0; i < n; i++) { /* small integers: every sum order is exact */
            a[i] = (float)((int)hp_rng_below(&rng, 200) - 100);
            b[i] = (float)((int)hp_rng_below(&rng, 200) - 100);
        }
        add_ref(a, b, want, n);
        const hp_variant *v;
        EACH("add_f32", v) {
            memset(out, 0, n * sizeof *out);
            ((hp_add_f32_fn)v->fn)(a, b, out, n);
            if (n && memcmp(out, want, n * sizeof *out) != 0)
                fail_msg("add_f32/%s, length %zu at a guard page: wrong sum", v->name, n);
        }
        EACH("dot_f32", v)
            if (((hp_dot_f32_fn)v->fn)(a, b, n) != dot_ref(a, b, n))
                fail_msg("dot_f32/%s, length %zu at a guard page", v->name, n);
        EACH("max_f32", v)
            if (!same(((hp_max_f32_fn)v->fn)(a, n), max_ref(a, n)))
                fail_msg("max_f32/%s, length %zu at a guard page", v->name, n);
    }
    guard_free(ga);
    guard_free(gb);
    guard_free(go);
}

/* Past the streaming threshold of the AVX2 and AVX-512 variants (from the
 * detected cache size: add_f32_stream.h), with out misaligned and aliased:
 * the path with the aligned head, streaming stores and tail.  8Mi + 13
 * elements where no cache size is known or the threshold is larger. */
static void add_long_arrays(void **state)
{
    (void)state;
    const uint64_t past = hp_add_f32_stream_bytes() / 12 + 13;
    const size_t n = past < ((uint64_t)8 << 20) ? (size_t)past : ((size_t)8 << 20) + 13;
    float *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    float *buf = malloc((n + 3) * sizeof *buf), *want = malloc(n * sizeof *want);
    assert_true(a && b && buf && want);
    hp_rng rng = {13};
    hp_rng_fill(&rng, a, n * sizeof *a);
    hp_rng_fill(&rng, b, n * sizeof *b);
    ((hp_add_f32_fn)hp_find("add_f32", "scalar")->fn)(a, b, want, n);
    const hp_variant *v;
    EACH("add_f32", v) {
        hp_add_f32_fn f = (hp_add_f32_fn)v->fn;
        float *out = buf + 3; /* 12 bytes past malloc's alignment */
        f(a, b, out, n);
        for (size_t i = 0; i < n; i++)
            if (!same(out[i], want[i]))
                fail_msg("add_f32/%s, length %zu: out[%zu] = %a, want %a", v->name, n, i,
                         out[i], want[i]);
        memcpy(out, a, n * sizeof *out); /* out == a */
        f(out, b, out, n);
        for (size_t i = 0; i < n; i++)
            if (!same(out[i], want[i]))
                fail_msg("add_f32/%s, out == a, length %zu: out[%zu] wrong", v->name, n, i);
    }
    free(a);
    free(b);
    free(buf);
    free(want);
}

/* The rule: NaNs ignored unless all are NaN; +0.0 > -0.0; empty -> -inf.
 * Lengths up to 150 put the special element in the unrolled loop, the
 * single-vector loop and the tail of every ISA. */
static void max_nan_and_zero_rule(void **state)
{
    (void)state;
    float a[150];
    const hp_variant *v;
    EACH("max_f32", v) {
        hp_max_f32_fn f = (hp_max_f32_fn)v->fn;
        for (size_t n = 1; n <= 150; n++) {
            for (size_t p = 0; p < n; p++) {
                for (size_t i = 0; i < n; i++) /* NaN at p among -1, -2, ... */
                    a[i] = -(float)(i + 1);
                a[p] = NAN;
                const float want = p == 0 ? (n > 1 ? -2.0f : NAN) : -1.0f;
                if (!same(f(a, n), want))
                    fail_msg("max_f32/%s: length %zu, NaN at %zu: got %a", v->name, n, p, f(a, n));
                for (size_t i = 0; i < n; i++) /* one number at p among NaNs */
                    a[i] = NAN;
                a[p] = -INFINITY;
                if (f(a, n) != -INFINITY)
                    fail_msg("max_f32/%s: length %zu, -inf at %zu among NaNs: got %a", v->name,
                             n, p, f(a, n));
                a[p] = 3.5f;
                if (f(a, n) != 3.5f)
                    fail_msg("max_f32/%s: length %zu, 3.5 at %zu among NaNs: got %a", v->name,
                             n, p, f(a, n));
                for (size_t i = 0; i < n; i++) /* +0.0 at p among -0.0 and negatives */
                    a[i] = i % 3 ? -0.0f : -1.0f;
                a[p] = 0.0f;
                if (!same(f(a, n), 0.0f))
                    fail_msg("max_f32/%s: length %zu, +0.0 at %zu among -0.0: got %a", v->name,
                             n, p, f(a, n));
            }
            for (size_t i = 0; i < n; i++)
                a[i] = NAN;
            if (!isnan(f(a, n)))
                fail_msg("max_f32/%s: length %zu, all NaN: got %a", v->name, n, f(a, n));
            for (size_t i = 0; i < n; i++)
                a[i] = i % 2 ? -0.0f : -5.0f;
            if (!same(f(a, n), n > 1 ? -0.0f : -5.0f))
                fail_msg("max_f32/%s: length %zu, -0.0 and -5: got %a", v->name, n, f(a, n));
        }
    }
}

/* dot: a NaN anywhere gives NaN; an infinity (times a positive number)
 * gives that infinity. */
static void dot_nan_and_infinity(void **state)
{
    (void)state;
    float a[150], b[150];
    const hp_variant *v;
    EACH("dot_f32", v) {
        hp_dot_f32_fn f = (hp_dot_f32_fn)v->fn;
        for (size_t n = 1; n <= 150; n++)
            for (size_t p = 0; p < n; p++) {
                for (size_t i = 0; i < n; i++) {
                    a[i] = (float)(i % 7) - 3.0f;
                    b[i] = 0.5f;
                }
                a[p] = NAN;
                if (!isnan(f(a, b, n)))
                    fail_msg("dot_f32/%s: length %zu, NaN at %zu: got %a", v->name, n, p,
                             f(a, b, n));
                a[p] = -INFINITY;
                if (f(a, b, n) != -INFINITY)
                    fail_msg("dot_f32/%s: length %zu, -inf at %zu: got %a", v->name, n, p,
                             f(a, b, n));
            }
    }
}

/* The peers either loaded with the core they name or say why not. */
static void openblas_peers_load_or_explain(void **state)
{
    (void)state;
    static const char *const names[] = {"openblas_haswell", "openblas_skylakex"};
    for (size_t f = 0; f < 2; f++)
        for (size_t i = 0; i < 2; i++) {
            const hp_variant *v = hp_all_find(families[f], names[i]);
            assert_non_null(v);
            assert_int_equal(v->stage, HP_STAGE_LIBRARY);
            const char *why = hp_simd_peer_unavailable(v);
            if (why) {
                assert_true(strlen(why) > 0);
                fprintf(stderr, "note %s/%s: %s\n", families[f], names[i], why);
            }
        }
    assert_null(hp_simd_peer_unavailable(hp_find("dot_f32", "avx2")));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gate_checks_pass),
        cmocka_unit_test(seed_values),
        cmocka_unit_test(ends_before_a_protected_page),
        cmocka_unit_test(add_long_arrays),
        cmocka_unit_test(max_nan_and_zero_rule),
        cmocka_unit_test(dot_nan_and_infinity),
        cmocka_unit_test(openblas_peers_load_or_explain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
