/* Milestone 5: every strlen variant (and glibc's, the peer) equals the
 * reference on strings that end right before, or start right after, a
 * PROT_NONE page, at every length 0..256 and every start offset within a
 * 64-byte line; on exact-size heap strings; and on random strings up to
 * 1 MiB.  The bytes around each string are zeros, so a variant that fails
 * to mask bytes before s, or reads past a guard page, fails here. */
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

#include "gate.h"
#include "rng.h"

/* The runnable strlen variants, reference first; skipped ones are listed. */
static size_t strlen_variants(const hp_variant **out, size_t max)
{
    size_t n, k = 0;
    const hp_variant *v = hp_all_variants(&n);
    for (size_t i = 0; i < n && k < max; i++) {
        const char *why;
        if (strcmp(v[i].family, "strlen") != 0)
            continue;
        if (!hp_runnable(&v[i], &why)) {
            printf("skip strlen/%s: %s\n", v[i].name, why);
            continue;
        }
        out[k++] = &v[i];
    }
    return k;
}

static void fill_nonzero(hp_rng *rng, char *s, size_t n)
{
    hp_rng_fill(rng, s, n);
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\0')
            s[i] = (char)0x80; /* high bit set: a byte SWAR must not misread */
}

/* Three pages: PROT_NONE, read-write, PROT_NONE. */
static char *guarded_page(size_t page)
{
    char *m = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(m != MAP_FAILED);
    assert_int_equal(mprotect(m, page, PROT_NONE), 0);
    assert_int_equal(mprotect(m + 2 * page, page, PROT_NONE), 0);
    return m + page;
}

static void check(const hp_variant *v, const char *s, size_t want, const char *where)
{
    size_t got = ((hp_strlen_fn)v->fn)(s);
    if (got != want)
        fail_msg("strlen/%s, %s, length %zu, start offset %zu: got %zu", v->name, where, want,
                 (size_t)((uintptr_t)s & 63), got);
}

static void page_edges(void **state)
{
    (void)state;
    const hp_variant *v[16];
    size_t nv = strlen_variants(v, 16);
    assert_true(nv >= 3); /* naive, bytes, swar at least; glibc too */
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    char *pg = guarded_page(page);
    hp_rng rng = {11};
    for (size_t len = 0; len <= 256; len++)
        for (size_t gap = 0; gap < 64; gap++) {
            /* ends gap bytes before the upper guard: every start offset */
            memset(pg, 0, page);
            char *s = pg + page - 1 - gap - len;
            fill_nonzero(&rng, s, len);
            for (size_t i = 0; i < nv; i++)
                check(v[i], s, len, "before guard");
            /* starts gap bytes after the lower guard */
            memset(pg, 0, page);
            s = pg + gap;
            fill_nonzero(&rng, s, len);
            for (size_t i = 0; i < nv; i++)
                check(v[i], s, len, "after guard");
        }
    munmap(pg - page, 3 * page);
}

static void exact_heap_strings(void **state)
{
    (void)state;
    const hp_variant *v[16];
    size_t nv = strlen_variants(v, 16);
    hp_rng rng = {12};
    for (size_t len = 0; len <= 257; len++) {
        char *s = malloc(len + 1);
        assert_non_null(s);
        fill_nonzero(&rng, s, len);
        s[len] = '\0';
        for (size_t i = 0; i < nv; i++)
            check(v[i], s, len, "malloc'd");
        free(s);
    }
}

static void random_long_strings(void **state)
{
    (void)state;
    const hp_variant *v[16];
    size_t nv = strlen_variants(v, 16);
    hp_rng rng = {13};
    const size_t max = 1 << 20;
    char *buf = malloc(max + 64 + 1);
    assert_non_null(buf);
    for (int k = 0; k < 24; k++) {
        size_t len = k == 0 ? max : (size_t)hp_rng_below(&rng, max + 1);
        char *s = buf + hp_rng_below(&rng, 64);
        fill_nonzero(&rng, s, len);
        s[len] = '\0';
        const size_t want = ((hp_strlen_fn)v[0]->fn)(s);
        assert_int_equal(want, len); /* the reference itself */
        for (size_t i = 1; i < nv; i++)
            check(v[i], s, len, "random");
    }
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(page_edges),
        cmocka_unit_test(exact_heap_strings),
        cmocka_unit_test(random_long_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
