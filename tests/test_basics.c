/* Milestone 1: the seed's values hold for every variant. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "basics.h"
#include "hotpath.h"

static void seed_values(void **state)
{
    (void)state;
    size_t n, checked = 0;
    const hp_variant *v = hp_variants(&n);
    for (size_t i = 0; i < n; i++) {
        const char *fam = v[i].family;
        if (!strcmp(fam, "add")) {
            hp_add_fn f = (hp_add_fn)v[i].fn;
            assert_int_equal(f(5, 3), 8);
            assert_int_equal(f(-10, 20), 10);
            assert_int_equal(f(INT32_MAX, 1), INT32_MIN); /* wraps, defined */
        } else if (!strcmp(fam, "multiply")) {
            hp_multiply_fn f = (hp_multiply_fn)v[i].fn;
            assert_int_equal(f(4, 7), 28);
            assert_int_equal(f(-3, 5), -15);
            assert_int_equal(f(65536, 65536), 0);
        } else if (!strcmp(fam, "factorial")) {
            hp_factorial_fn f = (hp_factorial_fn)v[i].fn;
            assert_int_equal(f(0), 1);
            assert_int_equal(f(5), 120);
            assert_int_equal(f(10), 3628800);
            assert_true(f(20) == 2432902008176640000ull);
            assert_true(f(21) == 2432902008176640000ull * 21u); /* wraps mod 2^64 */
        } else if (!strcmp(fam, "sum_array")) {
            hp_sum_array_fn f = (hp_sum_array_fn)v[i].fn;
            const int32_t a[] = {1, 2, 3, 4, 5}, b[] = {-1, -2, -3}, c[] = {INT32_MAX, 1};
            assert_int_equal(f(a, 5), 15);
            assert_int_equal(f(NULL, 0), 0);
            assert_int_equal(f(b, 3), -6);
            assert_int_equal(f(c, 2), INT32_MIN);
        } else {
            continue;
        }
        checked++;
    }
    assert_int_equal(checked, 4 * 3); /* four families: O0, scalar, auto */
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(seed_values)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
