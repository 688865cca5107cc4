/* The registry, the ISA cap and the gate: the spine every test and
 * benchmark relies on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "cpu/cache.h"
#include "cpu/cpu.h"
#include "gate.h"
#include "hotpath.h"

static void names_are_unique_and_families_known(void **state)
{
    (void)state;
    size_t n;
    const hp_variant *v = hp_all_variants(&n);
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++) {
        const hp_family *f = hp_find_family(v[i].family);
        if (!f)
            fail_msg("%s/%s: family not registered", v[i].family, v[i].name);
        /* Wherever a variant runs, its reference runs: the gate needs it. */
        const hp_variant *ref = hp_find(f->name, f->reference);
        assert_non_null(ref);
        if (ref->features & ~v[i].features)
            fail_msg("%s/%s: its reference %s needs features it does not", v[i].family,
                     v[i].name, f->reference);
        assert_non_null(v[i].fn);
        assert_true(v[i].stage < HP_STAGE_COUNT);
        for (size_t j = i + 1; j < n; j++)
            if (!strcmp(v[i].family, v[j].family) && !strcmp(v[i].name, v[j].name))
                fail_msg("%s/%s registered twice", v[i].family, v[i].name);
    }
}

static void every_family_has_variants(void **state)
{
    (void)state;
    size_t nf, nv;
    const hp_family *f = hp_families(&nf);
    const hp_variant *v = hp_variants(&nv);
    for (size_t i = 0; i < nf; i++) {
        size_t count = 0;
        for (size_t j = 0; j < nv; j++)
            count += !strcmp(v[j].family, f[i].name);
        if (count == 0)
            fail_msg("family %s has no variant", f[i].name);
    }
}

/* A cap can only remove variants, and each removed one says why. */
static void caps_only_remove_and_explain(void **state)
{
    (void)state;
    static const char *const caps[] = {"scalar", "sse2", "ssse3", "v1", "v2", "v3", "avx2", "v4", "avx512"};
    size_t n;
    const hp_variant *v = hp_all_variants(&n);
    unsetenv("HOTPATH_ISA");
    int *uncapped = calloc(n, sizeof *uncapped);
    assert_non_null(uncapped);
    for (size_t i = 0; i < n; i++)
        uncapped[i] = hp_runnable(&v[i], NULL);
    for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
        setenv("HOTPATH_ISA", caps[c], 1);
        assert_int_equal(hp_cpu_cap_check(NULL), 0);
        for (size_t i = 0; i < n; i++) {
            const char *why = NULL;
            int r = hp_runnable(&v[i], &why);
            if (r && !uncapped[i])
                fail_msg("%s/%s runs at %s but not uncapped", v[i].family, v[i].name, caps[c]);
            if (!r) {
                assert_non_null(why);
                assert_true(strlen(why) > 0);
            }
            /* Variants that need no feature run at every cap. */
            if (v[i].features == 0)
                assert_true(r);
        }
        assert_true((hp_cpu_features() & ~hp_cpu_detected()) == 0);
    }
    setenv("HOTPATH_ISA", "scalar", 1);
    assert_int_equal(hp_cpu_level(hp_cpu_features()), 0);
    setenv("HOTPATH_ISA", "v2", 1);
    assert_true(hp_cpu_level(hp_cpu_features()) <= 2);
    unsetenv("HOTPATH_ISA");
    free(uncapped);
}

static void unknown_cap_is_an_error_listing_values(void **state)
{
    (void)state;
    const char *err = NULL;
    setenv("HOTPATH_ISA", "avx9000", 1);
    assert_int_equal(hp_cpu_cap_check(&err), -1);
    assert_non_null(strstr(err, "avx9000"));
    assert_non_null(strstr(err, "v1|v2|v3|v4|scalar|sse2|ssse3|avx2|avx512"));
    const char *why = NULL;
    assert_false(hp_runnable(hp_find("sum_array", "auto"), &why));
    assert_non_null(strstr(why, "avx9000"));
    unsetenv("HOTPATH_ISA");
    assert_int_equal(hp_cpu_cap_check(&err), 0);
}

/* Detection agrees with the compiler's view of this CPU. */
static void detection_matches_builtin(void **state)
{
    (void)state;
    __builtin_cpu_init();
    const uint64_t f = hp_cpu_detected();
    assert_int_equal(!!(f & HP_FEAT_SSE2), !!__builtin_cpu_supports("sse2"));
    assert_int_equal(!!(f & HP_FEAT_SSSE3), !!__builtin_cpu_supports("ssse3"));
    assert_int_equal(!!(f & HP_FEAT_POPCNT), !!__builtin_cpu_supports("popcnt"));
    assert_int_equal(!!(f & HP_FEAT_AVX2), !!__builtin_cpu_supports("avx2"));
    assert_int_equal(!!(f & HP_FEAT_AVX512F), !!__builtin_cpu_supports("avx512f"));
    assert_int_equal(!!(f & HP_FEAT_AVX512BW), !!__builtin_cpu_supports("avx512bw"));
}

/* Where sysfs knows the caches, cpuid (the fallback of VMs without it)
 * agrees on L1d and L2. */
static void cache_fallback_agrees_with_sysfs(void **state)
{
    (void)state;
    const hp_caches s = hp_cache_sizes_by("sysfs"), c = hp_cache_sizes_by("cpuid");
    assert_string_equal(hp_cache_sizes().source, s.l1d ? "sysfs" : c.l1d ? "cpuid" :
                        hp_cache_sizes().source);
    if (!s.l1d || !c.l1d) {
        print_message("sysfs or cpuid gives no cache sizes here: nothing to compare\n");
        return;
    }
    assert_int_equal(c.l1d, s.l1d);
    assert_int_equal(c.l2, s.l2);
}

/* Every runnable variant, registry and peers, passes the gate. */
static void gate_passes_everything_runnable(void **state)
{
    (void)state;
    assert_int_equal(hp_gate_run(stderr, NULL), 0);
}

static int32_t broken_sum(const int32_t *a, size_t n)
{
    int32_t s = 0;
    for (size_t i = 0; i + 1 < n; i++) /* drops the last element */
        s = (int32_t)((uint32_t)s + (uint32_t)a[i]);
    return s;
}

/* The gate catches a wrong variant and names it. */
static void gate_rejects_a_broken_variant(void **state)
{
    (void)state;
    const hp_variant bad = {"sum_array", "broken", HP_STAGE_BASELINE, 0, (const void *)broken_sum,
                             "tests/test_registry.c"};
    char msg[512];
    assert_int_not_equal(hp_gate_check(&bad, msg, sizeof msg), 0);
    assert_non_null(strstr(msg, "sum_array/broken"));
    assert_non_null(strstr(msg, "length 1"));
    const hp_variant orphan = {"no_such_family", "x", HP_STAGE_BASELINE, 0, (const void *)broken_sum,
                             "tests/test_registry.c"};
    assert_int_not_equal(hp_gate_check(&orphan, msg, sizeof msg), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_are_unique_and_families_known),
        cmocka_unit_test(every_family_has_variants),
        cmocka_unit_test(caps_only_remove_and_explain),
        cmocka_unit_test(unknown_cap_is_an_error_listing_values),
        cmocka_unit_test(detection_matches_builtin),
        cmocka_unit_test(cache_fallback_agrees_with_sysfs),
        cmocka_unit_test(gate_passes_everything_runnable),
        cmocka_unit_test(gate_rejects_a_broken_variant),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
