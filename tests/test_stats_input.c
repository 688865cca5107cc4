/* hotpath-stats input: every malformed file gives its one-line error naming
 * the file and the field; error rows are skipped benchmarks, not data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stats.h"

static char path[64];

static void write_file(const char *text)
{
    strcpy(path, "/tmp/hs_input_XXXXXX");
    const int fd = mkstemp(path);
    assert_true(fd >= 0);
    const size_t len = strlen(text);
    assert_int_equal(write(fd, text, len), (ssize_t)len);
    close(fd);
}

/* Reads text as a result file; returns the error ("" when it was read). */
static const char *read_text(const char *text, hs_set *set)
{
    static char err[1024];
    err[0] = '\0';
    write_file(text);
    const int rc = hs_read_file(set, path, err, sizeof err);
    unlink(path);
    assert_true((rc == 0) == (err[0] == '\0'));
    return err;
}

static void expect_error(const char *text, const char *what)
{
    hs_set set = {0};
    const char *err = read_text(text, &set);
    if (!strstr(err, what) || !strstr(err, path))
        fail_msg("expected \"%s\" naming %s, got \"%s\"", what, path, err);
    assert_null(strchr(err, '\n'));
    hs_set_free(&set);
}

#define ITER(name, extra) \
    "{\"name\": \"" name "\", \"run_type\": \"iteration\", \"iterations\": 10, " \
    "\"real_time\": 12.5, \"cpu_time\": 12.0, \"time_unit\": \"ns\"" extra "}"

static void malformed(void **state)
{
    (void)state;
    expect_error("", "empty file");
    expect_error("{\"benchmarks\": [" ITER("a/b/1", ""), "invalid JSON (truncated?) at line 1");
    expect_error("{\"context\": {}, \"benchmarks\": [{\"name\": ", "invalid JSON (truncated?)");
    expect_error("[1, 2]", "top level: expected an object with \"benchmarks\"");
    expect_error("{\"foo\": 1}", "top level");
    expect_error("{\"benchmarks\": []}", "benchmarks: empty (no benchmark ran)");
    expect_error("{\"benchmarks\": {}}", "benchmarks: expected an array");
    expect_error("{\"benchmarks\": [3]}", "benchmarks[0]: expected an object");
    expect_error("{\"benchmarks\": [{\"run_type\": \"iteration\"}]}", "benchmarks[0].name");
    expect_error("{\"benchmarks\": [{\"name\": \"a/b/1\"}]}", "benchmarks[0].run_type");
    expect_error("{\"benchmarks\": [" ITER("a/b/1", ", \"real_time\": \"fast\"") "]}",
                 "benchmarks[0].real_time: expected a non-negative number");
    expect_error("{\"benchmarks\": [{\"name\": \"a/b/1\", \"run_type\": \"iteration\", "
                 "\"iterations\": 10, \"real_time\": 1, \"time_unit\": \"ns\"}]}",
                 "benchmarks[0].cpu_time: missing");
    expect_error("{\"benchmarks\": [" ITER("a/b/1", ", \"time_unit\": \"min\"") "]}",
                 "benchmarks[0].time_unit");
    expect_error("{\"benchmarks\": [" ITER("a/b/1", "") ", " ITER("a/b/1", ", \"iterations\": 0") "]}",
                 "benchmarks[1].iterations: expected a positive integer");
    expect_error("{\"benchmarks\": [" ITER("a/b/1", ", \"error_occurred\": \"yes\"") "]}",
                 "benchmarks[0].error_occurred");
    expect_error("{\"benchmarks\": [{\"name\": \"a/b/1_mean\", \"run_type\": \"aggregate\", "
                 "\"aggregate_name\": \"mean\"}]}",
                 "benchmarks[].run_type: no \"iteration\" entries, only aggregates");
    expect_error("{\"results\": []}", "results: empty");
    expect_error("{\"results\": [{\"command\": \"true\"}]}", "results[0].times: missing");
    expect_error("{\"results\": [{\"command\": \"true\", \"times\": [0.1, null]}]}",
                 "results[0].times[1]: expected a number of seconds");
}

static const char error_rows_json[] =
    "{\"context\": {\"hp_isa_cap\": \"avx2\", \"hp_l1d_bytes\": \"49152\", "
        "\"hp_family.base64_encode\": \"order=24 reference=naive size_unit=bytes\", "
        "\"hp_variant.base64_encode/naive\": \"order=100 stage=baseline\", "
        "\"hp_variant.base64_encode/avx512vbmi\": \"order=104 stage=simd\", "
        "\"hp_variants\": \"2\", "
        "\"hp_l2_bytes\": \"1048576\", \"hp_l3_bytes\": \"33554432\"},"
        " \"benchmarks\": [" ITER("base64_encode/naive/64", ", \"bytes_per_second\": 5.0e9, "
                                  "\"touched\": 152") ", "
        "{\"name\": \"base64_encode/avx512vbmi/64\", \"run_type\": \"iteration\", "
        "\"error_occurred\": true, \"error_message\": \"HOTPATH_ISA=avx2 excludes avx512vbmi\", "
        "\"iterations\": 0, \"real_time\": 0, \"cpu_time\": 0, \"time_unit\": \"ns\"}, "
        ITER("base64_encode/naive/64", ", \"real_time\": 13.5, \"cpu_time\": 12.8, "
             "\"bytes_per_second\": 5.0e9, \"touched\": 152") ", "
        "{\"name\": \"base64_encode/naive/64_mean\", \"run_type\": \"aggregate\"}]}";

static void error_rows_are_skipped(void **state)
{
    (void)state;
    hs_set set = {0};
    const char *err = read_text(error_rows_json, &set);
    assert_string_equal(err, "");
    assert_int_equal(set.n, 2);
    const hs_bench *a = &set.b[0], *s = &set.b[1];
    assert_string_equal(a->cap, "avx2");
    assert_int_equal(a->n, 2);
    assert_true(a->t[0] == 12.0 && a->t[1] == 12.8); /* CPU time by default */
    assert_int_equal(a->unit, HS_THRPT_BYTES);
    /* 5e9 B/s over 12 ns and 12.8 ns of CPU time: 60 and 64 bytes; over
     * real time 62.5 and 67.5: the CPU products are steadier */
    assert_true(fabs(a->per_iter - 62) < 1e-9);
    assert_string_equal(hs_cache_level(a), "L1");
    assert_string_equal(a->stage, "baseline");
    assert_non_null(s->skip);
    assert_string_equal(s->skip, "HOTPATH_ISA=avx2 excludes avx512vbmi");
    assert_int_equal(s->n, 0);
    hs_set_free(&set);

    hs_set real = {.real_time = 1}; /* --time real */
    assert_string_equal(read_text(error_rows_json, &real), "");
    assert_true(real.b[0].t[0] == 12.5 && real.b[0].t[1] == 13.5);
    hs_set_free(&real);
}

static void hyperfine_groups(void **state)
{
    (void)state;
    hs_set set = {0};
    const char *err = read_text(
        "{\"results\": [{\"command\": \"b64 -d\", \"mean\": 0.2, \"times\": [0.1, 0.3]},"
        " {\"command\": \"base64 -d\", \"times\": [0.2, 0.4, 0.6]}]}", &set);
    assert_string_equal(err, "");
    assert_int_equal(set.n, 2);
    assert_string_equal(set.b[1].variant, "base64 -d");
    assert_int_equal(set.b[1].n, 3);
    assert_true(fabs(set.b[1].t[2] - 0.6e9) < 1e-3);
    assert_int_equal(set.b[0].file->kind, HS_KIND_HYPERFINE);
    hs_set_free(&set);
}

#define ICOUNT(name, extra)                                                          \
    "{\"name\": \"" name "\", \"family\": \"strlen\", \"variant\": \"avx2\", "       \
    "\"size\": 64, \"unit\": \"bytes\"" extra "}"

/* make bench-instructions files: recognised by "instructions", every field
 * checked, a name once; skipped entries keep their reason. */
static void instruction_counts(void **state)
{
    (void)state;
    hs_set set = {0};
    assert_string_equal(
        read_text("{\"context\": {\"isa_cap\": \"avx2\"}, \"instructions\": ["
                  ICOUNT("strlen/avx2/64", ", \"instructions\": 33") "], \"skipped\": "
                  "[{\"name\": \"strlen/avx2/65536\", \"reason\": \"valgrind: crashed\"}]}",
                  &set), "");
    assert_int_equal(set.n, 0);
    assert_int_equal(set.nic, 2);
    assert_int_equal(set.f[0]->kind, HS_KIND_INSTRUCTIONS);
    assert_string_equal(set.f[0]->cap, "avx2");
    assert_string_equal(set.ic[0].family, "strlen");
    assert_true(set.ic[0].count == 33 && set.ic[0].size == 64 && !set.ic[0].skip);
    assert_string_equal(set.ic[1].skip, "valgrind: crashed");
    hs_set_free(&set);

    expect_error("{\"instructions\": 3}", "instructions: expected an array");
    expect_error("{\"instructions\": []}", "instructions: empty (nothing was counted)");
    expect_error("{\"instructions\": [7]}", "instructions[0]: expected an object");
    expect_error("{\"instructions\": [{\"instructions\": 1}]}",
                 "instructions[0].name: missing or not a non-empty string");
    expect_error("{\"instructions\": [" ICOUNT("a/b/1", "") "]}",
                 "instructions[0].instructions: missing or not a non-negative integer");
    expect_error("{\"instructions\": [" ICOUNT("a/b/1", ", \"instructions\": -5") "]}",
                 "instructions[0].instructions: missing or not a non-negative integer");
    expect_error("{\"instructions\": [" ICOUNT("a/b/1", ", \"instructions\": 1.5") "]}",
                 "instructions[0].instructions: missing or not a non-negative integer");
    expect_error("{\"instructions\": [{\"name\": \"a/b/1\", \"instructions\": 1}]}",
                 "instructions[0].family: missing or not a non-empty string");
    expect_error("{\"instructions\": [" ICOUNT("a/b/1", ", \"instructions\": 1") ", "
                 ICOUNT("a/b/1", ", \"instructions\": 2") "]}",
                 "instructions[1].name: \"a/b/1\" appears twice");
    expect_error("{\"instructions\": [" ICOUNT("a/b/1", ", \"instructions\": 1") "], "
                 "\"skipped\": {}}", "skipped: expected an array");
    expect_error("{\"instructions\": [], \"skipped\": [{\"name\": \"a/b/1\"}]}",
                 "skipped[0].reason: missing or not a string");
    expect_error("{\"instructions\": [" ICOUNT("a/b/1", ", \"instructions\": 1") "], "
                 "\"skipped\": [{\"name\": \"a/b/1\", \"reason\": \"x\"}]}",
                 "skipped[0].name: \"a/b/1\" appears twice");
}

/* Exact comparison: percent of the baseline count, verdict by sign. */
static void instruction_changes(void **state)
{
    (void)state;
    hs_icount c = {.count = 440, .base = 437, .has_base = 1};
    assert_true(fabs(hs_icount_change_pct(&c) - 100.0 * 3 / 437) < 1e-12);
    assert_string_equal(hs_icount_verdict(&c), "Instruction count has increased.");
    c.count = 400;
    assert_true(hs_icount_change_pct(&c) < 0);
    assert_string_equal(hs_icount_verdict(&c), "Instruction count has decreased.");
    c.count = 437;
    assert_true(hs_icount_change_pct(&c) == 0);
    assert_string_equal(hs_icount_verdict(&c), "No change in instruction count.");
    c.base = 0;
    assert_true(isinf(hs_icount_change_pct(&c)));
}

/* Every truncation and 300 seeded one-character corruptions of a result
 * file: read (and, when it still parses, analysed) without a crash; a
 * refusal is one line naming the file.  ASan and UBSan watch in the
 * sanitizer build. */
static void corrupt_all(const char *fixture)
{
    const size_t len = strlen(fixture);
    char text[1024];
    assert_true(len < sizeof text);
    uint64_t rng = 12345;
    for (size_t round = 0; round < len + 300; round++) {
        memcpy(text, fixture, len + 1);
        if (round < len) {
            text[round] = '\0'; /* every truncation */
        } else { /* one character replaced by one JSON is made of */
            static const char alphabet[] = "0123456789-+.eE\" ,:[]{}truefalsn/\\";
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            text[(rng >> 33) % len] = alphabet[(rng >> 13) % (sizeof alphabet - 1)];
        }
        hs_set set = {0};
        const char *err = read_text(text, &set);
        if (*err) {
            assert_null(strchr(err, '\n'));
            assert_non_null(strstr(err, path));
        } else {
            const hs_options o = {200, 1, 0.02, 0.05, 1, 0.05};
            assert_int_equal(hs_analyze(&set, NULL, &o), 0);
        }
        hs_set_free(&set);
    }
}

static void truncated_and_corrupted(void **state)
{
    (void)state;
    corrupt_all("{\"context\": {\"hp_isa_cap\": \"none\", \"hp_l1d_bytes\": \"49152\"},"
        " \"benchmarks\": [" ITER("sum_array/scalar/16", ", \"bytes_per_second\": 1e9, \"touched\": 64")
        ", " ITER("sum_array/auto/16", ", \"bytes_per_second\": 2e9, \"touched\": 64")
        ", " ITER("sum_array/auto/16", ", \"real_time\": 13, \"bytes_per_second\": 2e9")
        ", {\"name\": \"sum_array/avx9/16\", \"run_type\": \"iteration\", "
        "\"error_occurred\": true, \"error_message\": \"no avx9\"}"
        ", {\"name\": \"sum_array/auto/16_mean\", \"run_type\": \"aggregate\"}]}");
    corrupt_all("{\"context\": {\"isa_cap\": \"avx2\"}, \"instructions\": ["
                ICOUNT("strlen/avx2/64", ", \"instructions\": 33") ", "
                ICOUNT("strlen/avx2/4096", ", \"instructions\": 437") "], \"skipped\": "
                "[{\"name\": \"strlen/avx2/65536\", \"reason\": \"valgrind: crashed\"}]}");
}

static void free_parts(hs_bench *b)
{
    free(b->name);
    free(b->family);
    free(b->variant);
    free(b->size);
    free(b->extra);
}

static void names(void **state)
{
    (void)state;
    hs_bench b = {0};
    assert_int_equal(hs_split_name(&b, "add/O0/1/real_time/x"), 0);
    assert_string_equal(b.family, "add");
    assert_string_equal(b.variant, "O0");
    assert_string_equal(b.size, "1");
    assert_string_equal(b.extra, "real_time/x");
    free_parts(&b);
    assert_int_equal(hs_split_name(&b, "lonely"), 0);
    assert_string_equal(b.variant, "-");
    assert_string_equal(b.extra, "-");
    free_parts(&b);
    assert_true(hs_baseline_name_ok("main-2024.1"));
    assert_false(hs_baseline_name_ok("../x"));
    assert_false(hs_baseline_name_ok(".hidden"));
    assert_false(hs_baseline_name_ok(""));
}

/* hs_file with the given context JSON; the set owns it. */
static const hs_file *file_with(hs_set *set, const char *context)
{
    char doc[2048];
    snprintf(doc, sizeof doc, "{\"context\": {%s}}", context);
    json_t *root = json_loads(doc, 0, NULL);
    assert_non_null(root);
    const hs_file *f = hs_add_file(set, "r.json", root, HS_KIND_GBENCH);
    assert_non_null(f);
    return f;
}

#define SUM_REGISTRY                                                                  \
    "\"hp_family.sum_array\": \"order=3 reference=scalar size_unit=elements\", "       \
    "\"hp_family.sum\": \"order=4 reference=manual size_unit=elements\", "             \
    "\"hp_variant.sum_array/auto\": \"order=9 stage=auto\", "                          \
    "\"hp_variant.sum_array/memcpy\": \"order=140 stage=limit\", "                     \
    "\"hp_variant.sum_array/glibc\": \"order=141 stage=library\", "                    \
    "\"hp_variant.sum/iter_O0\": \"order=20 stage=baseline\", "                        \
    "\"hp_variant.sum/iter_O3\": \"order=23 stage=auto\", "

/* Stages, references and order come from the file's registry context,
 * peers included; a file without it (or with a broken one) says why and
 * gets no stage, never one guessed from the name. */
static void registry_context(void **state)
{
    (void)state;
    hs_set set = {0};
    const hs_file *f = file_with(&set, SUM_REGISTRY "\"hp_variants\": \"5\"");
    assert_null(f->no_registry);
    assert_string_equal(hs_stage_of(f, "sum_array", "auto", "-"), "auto");
    assert_string_equal(hs_stage_of(f, "sum_array", "memcpy", "-"), "limit");
    assert_string_equal(hs_stage_of(f, "sum_array", "glibc", "-"), "library");
    assert_string_equal(hs_stage_of(f, "sum_array", "limit_bw", "-"), "-");
    assert_string_equal(hs_stage_of(f, "no_such_family", "x", "-"), "-");
    /* milestone 2's builds: sum/iter/<size>/O0 is the registry's iter_O0 */
    assert_string_equal(hs_stage_of(f, "sum", "iter", "O0"), "baseline");
    assert_string_equal(hs_stage_of(f, "sum", "iter", "O3"), "auto");
    assert_string_equal(hs_reference_of(f, "sum_array"), "scalar");
    assert_string_equal(hs_reference_of(f, "sum"), "manual");
    assert_null(hs_reference_of(f, "no_such_family"));
    assert_int_equal(hs_find_variant(f, "sum", "iter_O3")->order, 23);
    assert_int_equal(hs_find_family(f, "sum")->order, 4);
    assert_string_equal(hs_find_family(f, "sum_array")->size_unit, "elements");

    const hs_file *old = file_with(&set, "\"hp_isa_cap\": \"avx2\"");
    assert_non_null(old->no_registry);
    assert_non_null(strstr(old->no_registry, "lacks the registry"));
    assert_string_equal(hs_stage_of(old, "sum_array", "auto", "-"), "-");
    assert_null(hs_reference_of(old, "sum_array"));

    /* a count that disagrees (a truncated context), a value without its
     * stage, a key without its variant: none is trusted */
    const char *broken[] = {
        SUM_REGISTRY "\"hp_variants\": \"6\"",
        SUM_REGISTRY "\"hp_variant.sum/iter_O1\": \"order=21\", \"hp_variants\": \"6\"",
        SUM_REGISTRY "\"hp_variant.sum\": \"order=21 stage=auto\", \"hp_variants\": \"6\"",
        SUM_REGISTRY "\"hp_variant.sum/x\": \"order=x stage=auto\", \"hp_variants\": \"6\"",
        SUM_REGISTRY "\"hp_variant.sum/x\": 3, \"hp_variants\": \"6\"",
    };
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        const hs_file *b = file_with(&set, broken[i]);
        if (!b->no_registry || !strstr(b->no_registry, "malformed or incomplete"))
            fail_msg("broken registry %zu accepted", i);
        assert_string_equal(hs_stage_of(b, "sum_array", "auto", "-"), "-");
    }
    hs_set_free(&set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(malformed),
        cmocka_unit_test(error_rows_are_skipped),
        cmocka_unit_test(hyperfine_groups),
        cmocka_unit_test(instruction_counts),
        cmocka_unit_test(instruction_changes),
        cmocka_unit_test(truncated_and_corrupted),
        cmocka_unit_test(names),
        cmocka_unit_test(registry_context),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
