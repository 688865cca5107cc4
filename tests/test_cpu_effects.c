/* Milestone 7: every CPU-effects variant against its reference (the gate
 * check) and against facts computed here independently: known sums, the
 * single cycle of Sattolo's permutation, chains stepped one by one, and
 * inputs that end right before a PROT_NONE page. */
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

#include "cpu_effects.h"
#include "gate.h"
#include "cpu/cpu.h"
#include "hotpath.h"
#include "perm.h"
#include "rng.h"

static const char *const families[] = {"branch_sum", "pointer_chase", "gather_sum", "ilp_imul",
                                       "ilp_fma"};

static int is_ours(const hp_variant *v)
{
    for (size_t i = 0; i < sizeof families / sizeof families[0]; i++)
        if (!strcmp(v->family, families[i]))
            return 1;
    return 0;
}

/* Runnable variants of one family; prints the ones the CPU or cap skip. */
static size_t variants_of(const char *family, const hp_variant **out, size_t max)
{
    size_t n, k = 0;
    const hp_variant *v = hp_all_variants(&n);
    for (size_t i = 0; i < n && k < max; i++) {
        const char *why;
        if (strcmp(v[i].family, family) != 0)
            continue;
        if (!hp_runnable(&v[i], &why)) {
            printf("skip %s/%s: %s\n", v[i].family, v[i].name, why);
            continue;
        }
        out[k++] = &v[i];
    }
    return k;
}

static void gate_every_variant(void **state)
{
    (void)state;
    size_t n, checked = 0;
    const hp_variant *v = hp_all_variants(&n);
    char msg[512];
    for (size_t i = 0; i < n; i++) {
        if (!is_ours(&v[i]) || !hp_runnable(&v[i], NULL))
            continue;
        if (hp_gate_check(&v[i], msg, sizeof msg))
            fail_msg("%s", msg);
        checked++;
    }
    /* 3 branch_sum + chase + gather + 4 imul + >= 0 fma + ...; under an ISA
     * cap (scripts/test-caps.sh) fewer run, but never none */
    assert_true(checked >= (strcmp(hp_cpu_cap_name(), "none") != 0 ? 1 : 11));
    const hp_family *f = hp_find_family("branch_sum");
    assert_non_null(f);
    assert_string_equal(f->reference, "branchy");
}

static void branch_sum_values(void **state)
{
    (void)state;
    const hp_variant *vs[8];
    const size_t k = variants_of("branch_sum", vs, 8);
    assert_true(strcmp(hp_cpu_cap_name(), "none") != 0 ? k >= 1 && k <= 3 : k == 3); /* a cap may exclude auto */
    const int32_t a[] = {1, 5, -3, 7, 2, INT32_MAX, INT32_MIN};
    for (size_t i = 0; i < k; i++) {
        hp_branch_sum_fn f = (hp_branch_sum_fn)vs[i]->fn;
        assert_int_equal(f(a, 5, 2), 12);            /* 5 + 7: strictly greater */
        assert_int_equal(f(a, 0, 0), 0);
        assert_int_equal(f(NULL, 0, INT32_MIN), 0);
        assert_int_equal(f(a, 7, INT32_MIN), (int64_t)1 + 5 - 3 + 7 + 2 + INT32_MAX);
        assert_int_equal(f(a, 7, INT32_MAX), 0);
        assert_int_equal(f(a, 7, INT32_MIN - (int64_t)0), (int64_t)1 + 5 - 3 + 7 + 2 + INT32_MAX);
        assert_int_equal(f(a, 7, -4), (int64_t)1 + 5 - 3 + 7 + 2 + INT32_MAX);
    }
}

/* n bytes ending exactly at a PROT_NONE page: any read past the end
 * faults.  *base and *len are what to munmap. */
static void *before_guard(size_t n, void **base, size_t *len)
{
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    const size_t pages = (n + page - 1) / page + 1;
    unsigned char *p = mmap(NULL, pages * page, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(p != MAP_FAILED);
    assert_int_equal(mprotect(p + (pages - 1) * page, page, PROT_NONE), 0);
    *base = p;
    *len = pages * page;
    return p + (pages - 1) * page - n;
}

static void guard_pages(void **state)
{
    (void)state;
    const hp_variant *bs[8], *gs[8], *cs[8];
    const size_t nb = variants_of("branch_sum", bs, 8), ng = variants_of("gather_sum", gs, 8),
                 nc = variants_of("pointer_chase", cs, 8);
    hp_rng rng = {5};
    for (size_t n = 0; n <= 257; n++) {
        void *b1, *b2, *b3;
        size_t l1, l2, l3;
        int32_t *a = before_guard(n * sizeof *a, &b1, &l1);
        uint32_t *idx = before_guard(n * sizeof *idx, &b2, &l2);
        uint32_t *next = before_guard(n * sizeof *next, &b3, &l3);
        int64_t want = 0;
        for (size_t i = 0; i < n; i++) {
            a[i] = (int32_t)(hp_rng_next(&rng) & 255);
            want += a[i] > 127 ? a[i] : 0;
        }
        for (size_t i = 0; i < nb; i++)
            assert_int_equal(((hp_branch_sum_fn)bs[i]->fn)(a, n, 127), want);
        int64_t total = 0;
        for (size_t i = 0; i < n; i++)
            total += a[i];
        hp_perm_indices(idx, n, 1, &rng);
        for (size_t i = 0; i < ng; i++)
            assert_int_equal(((hp_gather_sum_fn)gs[i]->fn)(a, n, idx, n), total);
        if (n) {
            hp_perm_cycle(next, n, &rng);
            for (size_t i = 0; i < nc; i++)
                assert_int_equal(((hp_pointer_chase_fn)cs[i]->fn)(next, n, n), 0);
        }
        munmap(b1, l1);
        munmap(b2, l2);
        munmap(b3, l3);
    }
}

/* Sattolo's permutation is one cycle: the chase returns to 0 after exactly
 * k steps and not before, also spread one slot per cache line. */
static void chase_single_cycle(void **state)
{
    (void)state;
    const hp_variant *cs[8];
    const size_t nc = variants_of("pointer_chase", cs, 8);
    assert_true(nc >= 1);
    hp_rng rng = {6};
    for (size_t k = 1; k <= 200; k++) {
        const size_t stride = k % 2 ? 1 : 16, n = k * stride;
        uint32_t *cyc = malloc(k * sizeof *cyc), *next = calloc(n, sizeof *next);
        assert_non_null(cyc);
        assert_non_null(next);
        hp_perm_cycle(cyc, k, &rng);
        hp_perm_spread(cyc, k, next, stride);
        for (size_t i = 0; i < nc; i++) {
            hp_pointer_chase_fn f = (hp_pointer_chase_fn)cs[i]->fn;
            for (size_t s = 1; s < k; s++)
                assert_int_not_equal(f(next, n, s), 0);
            assert_int_equal(f(next, n, k), 0);
            assert_int_equal(f(next, n, 0), 0);
            assert_int_equal(f(next, n, 1), next[0]);
            assert_int_equal(next[0] % stride, 0);
        }
        free(cyc);
        free(next);
    }
    /* Corrupt input is refused, not followed. */
    const uint32_t bad[] = {1, 7, 0};
    for (size_t i = 0; i < nc; i++) {
        hp_pointer_chase_fn f = (hp_pointer_chase_fn)cs[i]->fn;
        assert_int_equal(f(bad, 3, 1), 1);
        assert_int_equal(f(bad, 3, 2), HP_CHASE_OUT_OF_RANGE);
        assert_int_equal(f(bad, 0, 1), HP_CHASE_OUT_OF_RANGE);
    }
}

static void gather_orders_agree(void **state)
{
    (void)state;
    const hp_variant *gs[8];
    const size_t ng = variants_of("gather_sum", gs, 8);
    const size_t n = 100000;
    int32_t *a = malloc(n * sizeof *a);
    uint32_t *seq = malloc(n * sizeof *seq), *shuf = malloc(n * sizeof *shuf);
    assert_non_null(a);
    assert_non_null(seq);
    assert_non_null(shuf);
    hp_rng rng = {7};
    hp_rng_fill(&rng, a, n * sizeof *a);
    hp_perm_indices(seq, n, 0, &rng);
    hp_perm_indices(shuf, n, 1, &rng);
    uint64_t want = 0;
    for (size_t i = 0; i < n; i++)
        want += (uint64_t)(int64_t)a[i];
    size_t moved = 0;
    for (size_t i = 0; i < n; i++)
        moved += shuf[i] != i;
    assert_true(moved > n / 2); /* really shuffled */
    for (size_t i = 0; i < ng; i++) {
        hp_gather_sum_fn f = (hp_gather_sum_fn)gs[i]->fn;
        assert_int_equal(f(a, n, seq, n), (int64_t)want);
        assert_int_equal(f(a, n, shuf, n), (int64_t)want);
        assert_int_equal(f(a, n, seq, 0), 0);
        assert_int_equal(f(a, n - 1, seq, n), HP_GATHER_OUT_OF_RANGE);
    }
    free(a);
    free(seq);
    free(shuf);
}

/* The chains, stepped one at a time here, whatever K the variant keeps in
 * flight. */
static void ilp_chains(void **state)
{
    (void)state;
    const hp_variant *vs[8];
    size_t k = variants_of("ilp_imul", vs, 8);
    assert_int_equal(k, 4);
    const uint64_t m = 0x9E3779B97F4A7C15ull, c = 12345;
    for (size_t i = 0; i < k; i++) {
        uint64_t x[HP_ILP_CHAINS], want[HP_ILP_CHAINS];
        for (int j = 0; j < HP_ILP_CHAINS; j++)
            x[j] = want[j] = (uint64_t)j * 1000003u;
        for (int j = 0; j < HP_ILP_CHAINS; j++)
            for (int s = 0; s < 777; s++)
                want[j] = want[j] * m + c;
        ((hp_ilp_imul_fn)vs[i]->fn)(x, m, c, 777);
        assert_memory_equal(x, want, sizeof x);
    }
    k = variants_of("ilp_fma", vs, 8);
    for (size_t i = 0; i < k; i++) {
        float x[HP_ILP_CHAINS];
        for (int j = 0; j < HP_ILP_CHAINS; j++)
            x[j] = (float)j;
        ((hp_ilp_fma_fn)vs[i]->fn)(x, 0.5f, 1.0f, 200);
        for (int j = 0; j < HP_ILP_CHAINS; j++) /* x <- x/2 + 1 settles at 2, exactly */
            assert_true(x[j] == 2.0f);
        float y[HP_ILP_CHAINS] = {1, 1, 1, 1, 1, 1, 1, 1};
        ((hp_ilp_fma_fn)vs[i]->fn)(y, 3.0f, -1.0f, 3); /* 1 -> 2 -> 5 -> 14 */
        for (int j = 0; j < HP_ILP_CHAINS; j++)
            assert_true(y[j] == 14.0f);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gate_every_variant),  cmocka_unit_test(branch_sum_values),
        cmocka_unit_test(guard_pages),         cmocka_unit_test(chase_single_cycle),
        cmocka_unit_test(gather_orders_agree), cmocka_unit_test(ilp_chains),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
