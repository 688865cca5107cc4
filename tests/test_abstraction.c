/* Milestone 2: every iter, fused and manual variant, at every optimization level,
 * against this file's own plain loops: the seed's values, every length
 * 0..257 at every int32 offset in exact-size heap buffers (ASan sees an
 * over-read), arrays ending right before a PROT_NONE page, and random
 * arrays full of INT32_MIN/INT32_MAX. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "abstraction.h"
#include "hotpath.h"
#include "rng.h"

typedef int32_t (*pair_fn)(const int32_t *a, size_t n);

/* Ground truth, written as plainly as possible (wrapping on uint32_t). */
static int32_t want(const char *family, const int32_t *a, size_t n)
{
    uint32_t s = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t x = (uint32_t)a[i];
        if (!strcmp(family, "sum"))
            s += x;
        else if (!strcmp(family, "sum_positive"))
            s += a[i] > 0 ? x : 0;
        else if (!strcmp(family, "sum_squares"))
            s += x * x;
        else if (a[i] > 0 && (int32_t)(2 * x) < 100) /* sum_chain */
            s += 2 * x;
    }
    return (int32_t)s;
}

static const char *const families[] = {"sum", "sum_positive", "sum_squares", "sum_chain"};

/* Calls fn(family, variant, f) for every variant of the four families;
 * returns how many. */
static size_t each_variant(void (*fn)(const char *fam, const char *var, pair_fn f, void *ctx),
                           void *ctx)
{
    size_t n, count = 0;
    const hp_variant *v = hp_variants(&n);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < sizeof families / sizeof families[0]; k++)
            if (!strcmp(v[i].family, families[k])) {
                fn(v[i].family, v[i].name, (pair_fn)v[i].fn, ctx);
                count++;
            }
    return count;
}

static void seeds_one(const char *fam, const char *var, pair_fn f, void *ctx)
{
    (void)ctx;
    static const int32_t s1[] = {1, 2, 3, 4, 5}, s2[] = {-5, -2, 0, 3, 7, -1, 10},
                         s3[] = {1, 2, 3, 4}, s4[] = {-10, 5, 30, 60, 100, 120};
    int32_t got, w;
    if (!strcmp(fam, "sum"))
        got = f(s1, 5), w = 15;
    else if (!strcmp(fam, "sum_positive"))
        got = f(s2, 7), w = 20;
    else if (!strcmp(fam, "sum_squares"))
        got = f(s3, 4), w = 30;
    else
        got = f(s4, 6), w = 70;
    if (got != w)
        fail_msg("%s/%s: seed vector gives %d, want %d", fam, var, got, w);
    if (f(NULL, 0) != 0)
        fail_msg("%s/%s: empty input is not 0", fam, var);
}

/* Four families x (iter, fused, manual) x five levels. */
static void seed_values(void **state)
{
    (void)state;
    assert_int_equal(each_variant(seeds_one, NULL), 4 * 3 * 5);
}

/* The extremes: INT32_MAX + INT32_MAX wraps; INT32_MIN is not positive;
 * doubled, INT32_MAX wraps to -2 and 0x40000000 to INT32_MIN, so both pass
 * the chain's < 100 filter: -2 - 2 + INT32_MIN + 6. */
static void wrapping_is_defined(void **state)
{
    (void)state;
    const int32_t a[] = {INT32_MAX, INT32_MAX, INT32_MIN, 0x40000000, 3};
    assert_int_equal(want("sum", a, 5), (int32_t)(2u * INT32_MAX + 0x80000000u + 0x40000003u));
    assert_int_equal(want("sum_chain", a, 5), (int32_t)(0x80000000u + 2u));
    for (const char *const *d = (const char *const[]){"iter", "fused", NULL}; *d; d++) {
        const pair_fn chain = (pair_fn)hp_find("sum_chain", *d)->fn;
        assert_int_equal(chain(a, 5), want("sum_chain", a, 5));
    }
}

static void fill(hp_rng *rng, int32_t *a, size_t n)
{
    static const int32_t edges[] = {INT32_MIN, INT32_MAX, INT32_MIN + 1, INT32_MAX - 1, 0,
                                    -1, 1, 49, 50, 0x40000000, 0x3fffffff, 46341};
    for (size_t i = 0; i < n; i++) {
        uint64_t r = hp_rng_next(rng);
        a[i] = r & 1 ? edges[(r >> 8) % (sizeof edges / sizeof edges[0])]
                     : (r & 2 ? (int32_t)((r >> 8) % 301) - 150 : (int32_t)(uint32_t)(r >> 32));
    }
}

/* Every length 0..257 at int32 offsets 0..15 from a malloc'd block that
 * ends exactly where the array does. */
static void lengths_one(const char *fam, const char *var, pair_fn f, void *ctx)
{
    (void)ctx;
    hp_rng rng = {5};
    for (size_t n = 0; n <= 257; n++)
        for (size_t off = 0; off < 16; off++) {
            int32_t *block = malloc((off + n) * sizeof *block + (off + n == 0));
            assert_non_null(block);
            fill(&rng, block + off, n);
            int32_t got = f(block + off, n), w = want(fam, block + off, n);
            free(block);
            if (got != w)
                fail_msg("%s/%s: length %zu at int32 offset %zu: got %d, want %d", fam, var, n,
                         off, got, w);
        }
}

static void every_length_and_offset(void **state)
{
    (void)state;
    each_variant(lengths_one, NULL);
}

/* Arrays that end right before a PROT_NONE page: any read past the end
 * faults. */
static void guard_one(const char *fam, const char *var, pair_fn f, void *ctx)
{
    unsigned char *page2 = ctx;
    hp_rng rng = {6};
    for (size_t n = 0; n <= 257; n++) {
        int32_t *a = (int32_t *)page2 - n;
        fill(&rng, a, n);
        int32_t got = f(a, n), w = want(fam, a, n);
        if (got != w)
            fail_msg("%s/%s: length %zu before a guard page: got %d, want %d", fam, var, n, got,
                     w);
    }
}

static void ends_before_guard_page(void **state)
{
    (void)state;
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    unsigned char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                            -1, 0);
    assert_true(p != MAP_FAILED);
    assert_int_equal(mprotect(p + page, page, PROT_NONE), 0);
    each_variant(guard_one, p + page);
    munmap(p, 2 * page);
}

/* Long random arrays: the vector loops' main bodies, not only tails. */
static void long_one(const char *fam, const char *var, pair_fn f, void *ctx)
{
    (void)ctx;
    hp_rng rng = {8};
    for (int k = 0; k < 4; k++) {
        size_t n = 1000 + hp_rng_below(&rng, 20000);
        int32_t *a = malloc(n * sizeof *a);
        assert_non_null(a);
        fill(&rng, a, n);
        int32_t got = f(a, n), w = want(fam, a, n);
        free(a);
        if (got != w)
            fail_msg("%s/%s: random length %zu: got %d, want %d", fam, var, n, got, w);
    }
}

static void long_random_arrays(void **state)
{
    (void)state;
    each_variant(long_one, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_values),
        cmocka_unit_test(wrapping_is_defined),
        cmocka_unit_test(every_length_and_offset),
        cmocka_unit_test(ends_before_guard_page),
        cmocka_unit_test(long_random_arrays),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
