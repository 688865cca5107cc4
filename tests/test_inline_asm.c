/* Milestone 3: every runnable inline-asm variant holds the seed's values,
 * agrees with its builtin twin, and the hardware-only ones step aside (with
 * a reason) when the ISA cap withholds their feature. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "gate.h"
#include "hotpath.h"
#include "inline_asm.h"
#include "pin.h"
#include "rng.h"

#define N_RANDOM 1000000

/* The twins, computed here with the defined zero case. */
static uint64_t twin_ctz(uint64_t x) { return x ? (uint64_t)__builtin_ctzll(x) : 64; }
static uint64_t twin_clz(uint64_t x) { return x ? (uint64_t)__builtin_clzll(x) : 64; }
static uint64_t twin_popcnt(uint64_t x) { return (uint64_t)__builtin_popcountll(x); }
static uint64_t twin_bswap(uint64_t x) { return __builtin_bswap64(x); }

static const struct {
    const char *family;
    uint64_t (*twin)(uint64_t);
} bit_families[] = {
    {"ctz", twin_ctz}, {"clz", twin_clz}, {"popcnt", twin_popcnt}, {"bswap", twin_bswap},
};

/* One value through a bit variant (throughput form, n = 1). */
static uint64_t one(const hp_variant *v, uint64_t x)
{
    uint64_t r;
    ((hp_bitop_fn)v->fn)(&x, &r, 1, 0);
    return r;
}

static int runnable(const hp_variant *v)
{
    const char *why;
    if (hp_runnable(v, &why))
        return 1;
    print_message("skip %s/%s: %s\n", v->family, v->name, why);
    return 0;
}

static void seed_values(void **state)
{
    (void)state;
    size_t n, checked = 0;
    const hp_variant *v = hp_variants(&n);
    for (size_t i = 0; i < n; i++) {
        const char *fam = v[i].family;
        if (!runnable(&v[i]))
            continue;
        if (!strcmp(fam, "ctz")) {
            assert_int_equal(one(&v[i], 8), 3); /* 0b1000 */
            assert_int_equal(one(&v[i], 0), 64);
        } else if (!strcmp(fam, "clz")) {
            assert_int_equal(one(&v[i], 1), 63);
            assert_int_equal(one(&v[i], 1ull << 63), 0);
            assert_int_equal(one(&v[i], 0), 64);
        } else if (!strcmp(fam, "popcnt")) {
            assert_int_equal(one(&v[i], UINT64_MAX), 64);
            assert_int_equal(one(&v[i], 0), 0);
        } else if (!strcmp(fam, "bswap")) {
            assert_true(one(&v[i], 0x0123456789ABCDEFull) == 0xEFCDAB8967452301ull);
        } else if (!strcmp(fam, "cpuid")) {
            uint32_t r[4];
            ((hp_cpuid_fn)v[i].fn)(0, 0, r, 1);
            assert_true(r[0] > 0); /* max basic leaf */
            char vendor[13];
            memcpy(vendor, &r[1], 4); /* EBX, EDX, ECX spell it */
            memcpy(vendor + 4, &r[3], 4);
            memcpy(vendor + 8, &r[2], 4);
            vendor[12] = '\0';
            assert_int_equal(strlen(vendor), 12);
            for (int k = 0; k < 12; k++)
                assert_true(isprint((unsigned char)vendor[k]));
            print_message("cpuid/%s: max leaf %u, vendor \"%s\"\n", v[i].name, r[0], vendor);
        } else {
            continue;
        }
        checked++;
    }
    assert_true(checked >= 4 + 3 + 3 + 3 + 2); /* at least the baseline ones ran */
}

/* Every runnable bit variant equals its builtin twin on the edge values
 * and a million random inputs, in both forms. */
static void bit_variants_match_builtin_twins(void **state)
{
    (void)state;
    const size_t n = 4 * 64 + 3 + N_RANDOM;
    uint64_t *in = malloc(n * sizeof *in), *out = malloc(n * sizeof *out);
    assert_non_null(in);
    assert_non_null(out);
    size_t k = 0;
    in[k++] = 0;
    in[k++] = UINT64_MAX;
    in[k++] = 1ull << 63;
    for (int b = 0; b < 64; b++) {
        in[k++] = 1ull << b;
        in[k++] = ~(1ull << b);
        in[k++] = (1ull << b) - 1;
        in[k++] = ~((1ull << b) - 1);
    }
    hp_rng rng = {11};
    while (k < n)
        in[k++] = hp_rng_next(&rng);

    size_t nv, tested = 0;
    const hp_variant *v = hp_variants(&nv);
    for (size_t f = 0; f < sizeof bit_families / sizeof bit_families[0]; f++)
        for (size_t i = 0; i < nv; i++) {
            if (strcmp(v[i].family, bit_families[f].family) || !runnable(&v[i]))
                continue;
            hp_bitop_fn fn = (hp_bitop_fn)v[i].fn;
            uint64_t (*twin)(uint64_t) = bit_families[f].twin;
            fn(in, out, n, 0);
            for (size_t j = 0; j < n; j++)
                if (out[j] != twin(in[j]))
                    fail_msg("%s/%s(0x%016llx) = %llu, builtin says %llu", v[i].family,
                             v[i].name, (unsigned long long)in[j], (unsigned long long)out[j],
                             (unsigned long long)twin(in[j]));
            fn(in, out, n, 1);
            uint64_t prev = 0;
            for (size_t j = 0; j < n; j++) {
                const uint64_t x = in[j] ^ prev;
                if (out[j] != twin(x))
                    fail_msg("%s/%s latency form at %zu (operand 0x%016llx) = %llu, builtin "
                             "says %llu", v[i].family, v[i].name, j, (unsigned long long)x,
                             (unsigned long long)out[j], (unsigned long long)twin(x));
                prev = out[j];
            }
            tested++;
        }
    assert_true(tested >= 4 + 3 + 3 + 3);
    free(in);
    free(out);
}

static void bswap_is_an_involution(void **state)
{
    (void)state;
    uint64_t *in = malloc(N_RANDOM * sizeof *in), *once = malloc(N_RANDOM * sizeof *once),
             *twice = malloc(N_RANDOM * sizeof *twice);
    assert_true(in && once && twice);
    hp_rng rng = {13};
    for (size_t j = 0; j < N_RANDOM; j++)
        in[j] = hp_rng_next(&rng);
    size_t nv;
    const hp_variant *v = hp_variants(&nv);
    for (size_t i = 0; i < nv; i++) {
        if (strcmp(v[i].family, "bswap") || !runnable(&v[i]))
            continue;
        hp_bitop_fn fn = (hp_bitop_fn)v[i].fn;
        fn(in, once, N_RANDOM, 0);
        fn(once, twice, N_RANDOM, 0);
        assert_memory_equal(in, twice, N_RANDOM * sizeof *in);
    }
    free(in);
    free(once);
    free(twice);
}

/* Inputs that end right before a PROT_NONE page, every length 0..64: a
 * variant that reads past its n values faults here. */
static void bit_variants_stop_at_a_guard_page(void **state)
{
    (void)state;
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    unsigned char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(map != MAP_FAILED);
    assert_int_equal(mprotect(map + page, page, PROT_NONE), 0);
    uint64_t *end = (uint64_t *)(map + page), out[64];
    hp_rng rng = {17};
    for (size_t k = 1; k <= 64; k++)
        end[-(ptrdiff_t)k] = hp_rng_next(&rng);
    size_t nv;
    const hp_variant *v = hp_variants(&nv);
    for (size_t f = 0; f < sizeof bit_families / sizeof bit_families[0]; f++)
        for (size_t i = 0; i < nv; i++) {
            if (strcmp(v[i].family, bit_families[f].family) || !runnable(&v[i]))
                continue;
            for (size_t n = 0; n <= 64; n++)
                for (int chained = 0; chained <= 1; chained++) {
                    const uint64_t *in = end - n;
                    ((hp_bitop_fn)v[i].fn)(in, out, n, chained);
                    for (size_t j = 0; j < n; j++) {
                        const uint64_t x = chained && j ? in[j] ^ out[j - 1] : in[j];
                        assert_true(out[j] == bit_families[f].twin(x));
                    }
                }
        }
    munmap(map, 2 * page);
}

/* A million reads per variant on one CPU: each is >= the one before, and
 * the counter advances. */
static void tsc_never_goes_backwards(void **state)
{
    (void)state;
    enum { BATCH = 10000, BATCHES = 100 };
    uint64_t *t = malloc(BATCH * sizeof *t);
    uint32_t *aux = malloc(BATCH * sizeof *aux);
    assert_true(t && aux);
    cpu_set_t saved;
    const int pinned = hp_pin_here(&saved);
    if (!pinned)
        print_message("note: could not pin; reads may come from several CPUs\n");
    size_t nv;
    const hp_variant *v = hp_variants(&nv);
    for (size_t i = 0; i < nv; i++) {
        const int tscp = !strcmp(v[i].family, "rdtscp");
        if ((strcmp(v[i].family, "rdtsc") && !tscp) || !runnable(&v[i]))
            continue;
        uint64_t last = 0, first = 0;
        for (int b = 0; b < BATCHES; b++) {
            if (tscp)
                ((hp_rdtscp_fn)v[i].fn)(t, aux, BATCH);
            else
                ((hp_rdtsc_fn)v[i].fn)(t, BATCH);
            if (b == 0)
                first = t[0];
            for (size_t j = 0; j < BATCH; j++) {
                if (t[j] < last)
                    fail_msg("%s/%s: read %zu of batch %d went backwards (%llu after %llu)",
                             v[i].family, v[i].name, j, b, (unsigned long long)t[j],
                             (unsigned long long)last);
                last = t[j];
            }
        }
        assert_true(last > first);
    }
    if (pinned)
        hp_unpin(&saved);
    free(t);
    free(aux);
}

static void xgetbv_has_x87_and_sse_state(void **state)
{
    (void)state;
    size_t nv;
    const hp_variant *v = hp_variants(&nv);
    for (size_t i = 0; i < nv; i++) {
        if (strcmp(v[i].family, "xgetbv") || !runnable(&v[i]))
            continue;
        uint64_t xcr0;
        ((hp_xgetbv_fn)v[i].fn)(0, &xcr0, 1);
        assert_int_equal(xcr0 & 3, 3);
    }
}

/* Under HOTPATH_ISA=scalar (and v1) the variants that need popcnt, lzcnt
 * or bmi1 do not run and say why; the baseline ones still do. */
static void hardware_variants_step_aside_under_a_cap(void **state)
{
    (void)state;
    static const char *const caps[] = {"scalar", "v1"};
    static const struct {
        const char *family, *name, *feature;
    } hw[] = {
        {"ctz", "tzcnt", "bmi1"},       {"ctz", "builtin_bmi", "bmi1"},
        {"clz", "lzcnt", "lzcnt"},      {"clz", "builtin_lzcnt", "lzcnt"},
        {"popcnt", "asm", "popcnt"},    {"popcnt", "builtin_popcnt", "popcnt"},
    };
    static const char *const fallbacks[][2] = {
        {"ctz", "portable"}, {"ctz", "builtin"}, {"ctz", "bsf"},
        {"clz", "portable"}, {"clz", "builtin"}, {"clz", "bsr"},
        {"popcnt", "portable"}, {"popcnt", "swar"}, {"popcnt", "builtin"},
    };
    for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
        setenv("HOTPATH_ISA", caps[c], 1);
        for (size_t i = 0; i < sizeof hw / sizeof hw[0]; i++) {
            const hp_variant *v = hp_find(hw[i].family, hw[i].name);
            assert_non_null(v);
            const char *why = NULL;
            assert_false(hp_runnable(v, &why));
            assert_non_null(why);
            if (!strstr(why, hw[i].feature))
                fail_msg("%s/%s at %s: reason \"%s\" does not name %s", hw[i].family,
                         hw[i].name, caps[c], why, hw[i].feature);
        }
        for (size_t i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++) {
            const hp_variant *v = hp_find(fallbacks[i][0], fallbacks[i][1]);
            assert_non_null(v);
            assert_true(hp_runnable(v, NULL));
            assert_int_equal(one(v, 0), !strcmp(v->family, "popcnt") ? 0 : 64);
        }
        assert_int_equal(hp_gate_run(stderr, "ctz/"), 0);
    }
    unsetenv("HOTPATH_ISA");
}

/* bsf without its zero case: plausible, wrong only at 0. */
static void ctz_missing_zero_case(const uint64_t *in, uint64_t *out, size_t n, int chained)
{
    uint64_t r = 0;
    for (size_t i = 0; i < n; i++) {
        const uint64_t x = chained ? in[i] ^ r : in[i];
        out[i] = r = x ? (uint64_t)__builtin_ctzll(x) : 0;
    }
}

/* The gate catches it and names the operand. */
static void gate_rejects_a_bsf_without_zero_case(void **state)
{
    (void)state;
    const hp_variant bad = {"ctz", "no_zero", HP_STAGE_ASM, 0, (const void *)ctz_missing_zero_case,
                             "tests/test_inline_asm.c"};
    char msg[512];
    assert_int_not_equal(hp_gate_check(&bad, msg, sizeof msg), 0);
    assert_non_null(strstr(msg, "ctz/no_zero"));
    assert_non_null(strstr(msg, "operand 0x0000000000000000"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_values),
        cmocka_unit_test(bit_variants_match_builtin_twins),
        cmocka_unit_test(bswap_is_an_involution),
        cmocka_unit_test(bit_variants_stop_at_a_guard_page),
        cmocka_unit_test(tsc_never_goes_backwards),
        cmocka_unit_test(xgetbv_has_x87_and_sse_state),
        cmocka_unit_test(hardware_variants_step_aside_under_a_cap),
        cmocka_unit_test(gate_rejects_a_bsf_without_zero_case),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
