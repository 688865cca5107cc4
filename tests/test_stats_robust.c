/* hotpath-stats against hostile input (issue 16): times that overflow when
 * scaled to ns, zero and absurd times, names with control characters, and
 * a bootstrap given values no reader lets through (inf, NaN) that must
 * still stay inside its arrays (ASan in the sanitizer build). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

/* Parses text as a result file named "t.json"; returns the error, "" if read. */
static const char *read_doc(const char *text)
{
    static char err[1024];
    err[0] = '\0';
    json_error_t je;
    json_t *root = json_loads(text, 0, &je);
    assert_non_null(root);
    hs_set set = {0};
    const int rc = hs_read_json(&set, "t.json", root, err, sizeof err);
    hs_set_free(&set);
    assert_true((rc == 0) == (err[0] == '\0'));
    return err;
}

static void expect(const char *text, const char *what)
{
    const char *err = read_doc(text);
    if (!strstr(err, what))
        fail_msg("expected \"%s\", got \"%s\" for %s", what, err, text);
}

#define GB(unit, real, cpu) \
    "{\"benchmarks\": [{\"name\": \"f/v/1\", \"run_type\": \"iteration\", \"iterations\": 1, " \
    "\"real_time\": " real ", \"cpu_time\": " cpu ", \"time_unit\": \"" unit "\"}]}"
#define HF(times) "{\"results\": [{\"command\": \"x\", \"times\": [" times "]}]}"

static void times_checked_after_scaling(void **state)
{
    (void)state;
    /* finite in the file, infinite in ns: the crash of issue 16, item 1 */
    expect(HF("1e308, 1e308"), "results[0].times[0]: 1e+308 s is absurdly large");
    expect(GB("s", "1e300", "1e300"), "benchmarks[0].real_time: 1.0000000000000001e+300 s is "
                                      "absurdly large");
    expect(GB("ns", "1", "1e300"), "benchmarks[0].cpu_time");
    /* 47 digits: finite, far beyond any run */
    expect(HF("12345678901234567890123456789012345678901234567.0"), "absurdly large");
    expect(GB("ms", "2e9", "2e9"), "absurdly large"); /* 23 days an iteration */
    assert_string_equal(read_doc(GB("s", "1e6", "1e6")), ""); /* at the bound */
}

static void zero_and_negative_times(void **state)
{
    (void)state;
    expect(HF("0, 0, 0"), "results[0].times[0]: 0 s is not above zero");
    expect(HF("0.1, 0"), "results[0].times[1]: 0 s is not above zero");
    expect(HF("-0.1"), "not above zero");
    expect(GB("ns", "0", "0"), "benchmarks[0].real_time: 0 ns is not above zero");
    expect(GB("ns", "-1", "1"), "benchmarks[0].real_time");
    /* CPU time 0 is a waiting benchmark: refused for --time cpu only */
    expect(GB("ns", "5", "0"), "benchmarks[0].cpu_time: 0 (no CPU time to analyse");
    hs_set set = {.real_time = 1};
    char err[256] = "";
    json_t *root = json_loads(GB("ns", "5", "0"), 0, NULL);
    assert_int_equal(hs_read_json(&set, "t.json", root, err, sizeof err), 0);
    assert_int_equal(set.b[0].n, 1);
    assert_true(set.b[0].t[0] == 5);
    hs_set_free(&set);
}

static void rates_that_overflow(void **state)
{
    (void)state;
    expect("{\"benchmarks\": [{\"name\": \"f/v/1\", \"run_type\": \"iteration\", "
           "\"iterations\": 1, \"real_time\": 1e5, \"cpu_time\": 1e5, \"time_unit\": \"s\", "
           "\"bytes_per_second\": 1e308}]}",
           "rate x time is not finite");
}

static void control_characters_refused(void **state)
{
    (void)state;
    expect("{\"benchmarks\": [{\"name\": \"f/v\\t/1\", \"run_type\": \"iteration\", "
           "\"iterations\": 1, \"real_time\": 1, \"cpu_time\": 1, \"time_unit\": \"ns\"}]}",
           "benchmarks[0].name: contains a control character");
    expect("{\"benchmarks\": [{\"name\": \"f/v/1\\n\", \"run_type\": \"iteration\", "
           "\"iterations\": 1, \"real_time\": 1, \"cpu_time\": 1, \"time_unit\": \"ns\"}]}",
           "benchmarks[0].name: contains a control character");
    expect("{\"context\": {\"hp_cpu_model\": \"A\\nB\"}, \"benchmarks\": [{\"name\": \"f/v/1\", "
           "\"run_type\": \"iteration\", \"iterations\": 1, \"real_time\": 1, \"cpu_time\": 1, "
           "\"time_unit\": \"ns\"}]}",
           "context.hp_cpu_model: contains a control character");
    expect("{\"results\": [{\"command\": \"a\\tb\", \"times\": [1]}]}",
           "results[0].command: contains a control character");
    expect("{\"instructions\": [{\"name\": \"a/b\\n/1\", \"family\": \"a\", \"variant\": \"b\", "
           "\"size\": 1, \"unit\": \"\", \"instructions\": 3}]}",
           "instructions[0].name: contains a control character");
    /* an error message is free text: kept, its line breaks made spaces */
    hs_set set = {0};
    char err[256] = "";
    json_t *root = json_loads(
        "{\"benchmarks\": [{\"name\": \"f/v/1\", \"run_type\": \"iteration\", "
        "\"error_occurred\": true, \"error_message\": \"no\\nway\\there\"}, "
        "{\"name\": \"f/w/1\", \"run_type\": \"iteration\", \"iterations\": 1, "
        "\"real_time\": 1, \"cpu_time\": 1, \"time_unit\": \"ns\"}]}", 0, NULL);
    assert_int_equal(hs_read_json(&set, "t.json", root, err, sizeof err), 0);
    assert_string_equal(set.b[0].skip, "no way here");
    hs_set_free(&set);
}

/* Whatever the values, the bootstrap stays inside its arrays and ends:
 * both MAD paths (the cached order up to 256 values, the merge beyond). */
static void bootstrap_bounded_on_any_values(void **state)
{
    (void)state;
    const size_t sizes[] = {2, 3, 7, 64, 300};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        const size_t n = sizes[k];
        double *x = malloc(n * sizeof *x);
        assert_non_null(x);
        for (int kind = 0; kind < 4; kind++) {
            for (size_t i = 0; i < n; i++)
                x[i] = kind == 0   ? INFINITY
                       : kind == 1 ? (i % 2 ? INFINITY : 1.0)
                       : kind == 2 ? (i % 3 ? -INFINITY : INFINITY)
                                   : (i % 2 ? 1e308 : -1e308);
            hs_summary s;
            assert_int_equal(hs_bootstrap(x, n, 200, 7, &s, NULL), 0);
        }
        free(x);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(times_checked_after_scaling),
        cmocka_unit_test(zero_and_negative_times),
        cmocka_unit_test(rates_that_overflow),
        cmocka_unit_test(control_characters_refused),
        cmocka_unit_test(bootstrap_bounded_on_any_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
