/* hotpath-run FAMILY[/VARIANT] [--size N] [--seconds S | --iterations N]:
 * one kernel on prepared input in a tight loop, after the correctness gate
 * for that variant; the target for perf, valgrind and other profilers. */
#include "cpu/cpu.h"
#include "gate.h"
#include "harness.h"
#include "hotpath.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The measured loop, a named function so profilers can single it out
 * (valgrind --toggle-collect=hotpath_run_calls): never inlined, and never
 * specialized by GCC into a ".constprop" copy with another name. */
#if defined(__GNUC__) && !defined(__clang__)
#define HP_RUN_KEEP __attribute__((noinline, noclone))
#else
#define HP_RUN_KEEP __attribute__((noinline))
#endif
HP_RUN_KEEP uint64_t hotpath_run_calls(const hp_harness *h, const void *fn, hp_input *in,
                                       uint64_t calls)
{
    return h->run(fn, in, calls);
}

#define MAX_SIZE ((uint64_t)1 << 40)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void usage(FILE *out)
{
    fputs("usage: hotpath-run FAMILY[/VARIANT] [--size N] [--mode NAME]\n"
          "                   [--seconds S | --iterations N]\n"
          "                   [--warmup N] [--no-check | --check-only] [--quiet]\n"
          "       hotpath-run --list\n"
          "Runs one kernel on prepared input in a tight loop, after the correctness gate\n"
          "for that variant, and prints the bytes processed and the throughput.\n"
          "  FAMILY alone       the family's preferred runnable variant (as the dispatcher)\n"
          "  --size N           input size in the family's unit (default: the family's)\n"
          "  --mode NAME        the input's mode, for families that have several\n"
          "                     (branch_sum random|sorted, ctz latency|throughput, ...)\n"
          "  --seconds S        run for S seconds (default 1)\n"
          "  --iterations N     exactly N calls, no clock reads (for profilers)\n"
          "  --warmup N         N calls before the measured loop (outside\n"
          "                     hotpath_run_calls): first-call work such as a library's\n"
          "                     lazy initialization stays out of a profile of the loop\n"
          "  --no-check         skip the gate (when it already passed natively, e.g. under\n"
          "                     valgrind, where it is slow)\n"
          "  --check-only       run the gate for the variant and exit\n"
          "  --quiet            print nothing after the run (two profiled runs that differ\n"
          "                     only in --iterations then differ only in the calls)\n"
          "  --list             every variant: ok (runs here) or why not\n"
          "  HOTPATH_ISA        caps the ISA, as for every hotpath program\n", out);
}

/* Why v cannot be run by this program, or NULL. */
static const char *not_runnable(const hp_variant *v)
{
    const char *why;
    if (v->stage == HP_STAGE_LIMIT)
        return "a limit line (a bound measured beside the family), not an implementation";
    if (!hp_all_runnable(v, &why))
        return why;
    if (!hp_harness_find(v->family))
        return "this family has no harness (shims/harness_<milestone>.c)";
    return NULL;
}

static int list(void)
{
    size_t n;
    const hp_variant *v = hp_all_variants(&n);
    for (size_t i = 0; i < n; i++) {
        char name[160];
        snprintf(name, sizeof name, "%s/%s", v[i].family, v[i].name);
        const char *why = not_runnable(&v[i]);
        printf("%-40s %-4s %s\n", name, why ? "no" : "ok", why ? why : hp_stage_name(v[i].stage));
    }
    return 0;
}

/* The registered variants of one family, or of every family, one line per
 * family (registry and peers together). */
static void list_known(const char *family)
{
    size_t n;
    const hp_variant *v = hp_all_variants(&n);
    for (size_t i = 0; i < n; i++) {
        int first = 1;
        for (size_t j = 0; j < i && first; j++)
            first = strcmp(v[j].family, v[i].family) != 0;
        if (!first || (family && strcmp(v[i].family, family) != 0))
            continue;
        fprintf(stderr, "  %s:", v[i].family);
        for (size_t j = i; j < n; j++)
            if (strcmp(v[j].family, v[i].family) == 0)
                fprintf(stderr, " %s", v[j].name);
        fputc('\n', stderr);
    }
}

static int parse_u64(const char *opt, const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 10);
    if (!*s || *end || errno || s[0] == '-') {
        fprintf(stderr, "hotpath-run: %s wants a non-negative integer, got '%s'\n", opt, s);
        return -1;
    }
    *out = x;
    return 0;
}

static const hp_variant *resolve(const char *spec)
{
    char family[128];
    const char *slash = strchr(spec, '/');
    const size_t flen = slash ? (size_t)(slash - spec) : strlen(spec);
    if (flen == 0 || flen >= sizeof family) {
        fprintf(stderr, "hotpath-run: '%s' is not FAMILY or FAMILY/VARIANT\n", spec);
        return NULL;
    }
    memcpy(family, spec, flen);
    family[flen] = '\0';
    size_t n;
    const hp_variant *all = hp_all_variants(&n);
    int known = 0;
    for (size_t i = 0; i < n && !known; i++)
        known = strcmp(all[i].family, family) == 0;
    if (!known) {
        fprintf(stderr, "hotpath-run: unknown family '%s'%s; the registered ones and their "
                "variants:\n", family, hp_harness_find(family) ? " (it has a harness, but this build "
                "registers no variant of it yet)" : "");
        list_known(NULL);
        return NULL;
    }
    if (!slash) {
        const hp_variant *best = hp_best(family);
        if (!best)
            fprintf(stderr, "hotpath-run: no variant of %s can run at HOTPATH_ISA=%s\n", family,
                    hp_cpu_cap_name());
        return best;
    }
    const hp_variant *v = hp_all_find(family, slash + 1);
    if (!v) {
        fprintf(stderr, "hotpath-run: unknown variant '%s' of %s; its variants:\n", slash + 1,
                family);
        list_known(family);
    }
    return v;
}

/* The "ran:" and "result:" lines: calls, time, throughput. */
static void report(const hp_input *in, const char *unit, uint64_t calls, double elapsed,
                   uint64_t sink)
{
    printf("ran:     %" PRIu64 " calls in %.3f s (result checksum %016" PRIx64 ")\n", calls,
           elapsed, sink);
    if (calls && elapsed > 0) {
        const double per_call = elapsed / (double)calls;
        if (in->bytes)
            printf("result:  %.3f GB/s, %.1f ns per call, %.4f ns per byte, %" PRIu64
                   " bytes processed\n", (double)in->bytes * (double)calls / elapsed / 1e9,
                   per_call * 1e9, per_call * 1e9 / (double)in->bytes, in->bytes * calls);
        else
            printf("result:  %.1f ns per call, %.4f ns per %s\n", per_call * 1e9,
                   in->size ? per_call * 1e9 / (double)in->size : 0.0,
                   strcmp(unit, "ops") == 0 ? "op" : unit);
    }
}

int main(int argc, char **argv)
{
    const char *spec = NULL, *mode_name = NULL, *err;
    uint64_t size = 0, iterations = 0, warmup = 0;
    double seconds = 1.0;
    int have_size = 0, have_iter = 0, check = 1, check_only = 0, quiet = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--list")) {
            if (hp_cpu_cap_check(&err) != 0) {
                fprintf(stderr, "hotpath-run: %s\n", err);
                return 2;
            }
            return list();
        } else if (!strcmp(a, "--no-check")) {
            check = 0;
        } else if (!strcmp(a, "--check-only")) {
            check_only = 1;
        } else if (!strcmp(a, "--quiet")) {
            quiet = 1;
        } else if ((!strcmp(a, "--size") || !strcmp(a, "--iterations") ||
                    !strcmp(a, "--seconds") || !strcmp(a, "--warmup") || !strcmp(a, "--mode")) &&
                   !val) {
            fprintf(stderr, "hotpath-run: %s needs a value\n", a);
            return 2;
        } else if (!strcmp(a, "--size")) {
            if (parse_u64(a, argv[++i], &size))
                return 2;
            /* The harnesses size their buffers as a few multiples of it:
             * below this bound none of that arithmetic can wrap. */
            if (size > MAX_SIZE) {
                fprintf(stderr, "hotpath-run: --size %" PRIu64 " is above the limit %" PRIu64
                        " (2^40)\n", size, (uint64_t)MAX_SIZE);
                return 2;
            }
            have_size = 1;
        } else if (!strcmp(a, "--mode")) {
            mode_name = argv[++i];
        } else if (!strcmp(a, "--warmup")) {
            if (parse_u64(a, argv[++i], &warmup))
                return 2;
        } else if (!strcmp(a, "--iterations")) {
            if (parse_u64(a, argv[++i], &iterations))
                return 2;
            have_iter = 1;
        } else if (!strcmp(a, "--seconds")) {
            char *end;
            seconds = strtod(argv[++i], &end);
            if (*end || !(seconds > 0 && seconds < 1e6)) {
                fprintf(stderr, "hotpath-run: --seconds wants a positive number, got '%s'\n",
                        argv[i]);
                return 2;
            }
        } else if (a[0] == '-' || spec) {
            fprintf(stderr, "hotpath-run: unexpected argument '%s'\n", a);
            usage(stderr);
            return 2;
        } else {
            spec = a;
        }
    }
    if (!spec) {
        usage(stderr);
        return 2;
    }
    if (hp_cpu_cap_check(&err) != 0) {
        fprintf(stderr, "hotpath-run: %s\n", err);
        return 2;
    }
    const hp_variant *v = resolve(spec);
    if (!v)
        return 2;
    const char *why = not_runnable(v);
    if (why) {
        fprintf(stderr, "hotpath-run: %s/%s cannot run: %s\n", v->family, v->name, why);
        return 3;
    }
    const hp_harness *h = hp_harness_find(v->family);
    size_t mode = h->default_mode;
    if (mode_name) {
        const int m = hp_harness_mode(h, mode_name);
        if (m < 0) {
            fprintf(stderr, "hotpath-run: %s has no mode '%s'; its modes:", v->family, mode_name);
            for (size_t i = 0; i < h->n_modes; i++)
                fprintf(stderr, " %s", h->modes[i]);
            fprintf(stderr, "%s\n", h->n_modes ? "" : " none");
            return 2;
        }
        mode = (size_t)m;
    }
    const hp_family *fam = hp_find_family(v->family);
    const char *unit = fam ? fam->size_unit : "units";
    printf("hotpath-run: %s/%s (stage %s), HOTPATH_ISA=%s\n", v->family, v->name,
           hp_stage_name(v->stage), hp_cpu_cap_name());

    if (check) {
        char msg[512];
        if (hp_gate_check(v, msg, sizeof msg)) {
            fprintf(stderr, "hotpath-run: gate FAILED: %s\n", msg);
            return 1;
        }
        printf("check:   ok (gate: against the family's reference)\n");
    } else {
        printf("check:   skipped (--no-check)\n");
    }
    if (check_only)
        return 0;

    hp_input in = {0};
    char perr[256] = "";
    if (hp_harness_prepare(h, &in, have_size ? size : h->default_size, mode, perr, sizeof perr)) {
        fprintf(stderr, "hotpath-run: %s\n", perr);
        hp_input_free(&in);
        return 2;
    }
    printf("input:   %" PRIu64 " %s%s%s, %" PRIu64 " bytes per call\n", in.size, unit,
           h->n_modes ? ", mode " : "", h->n_modes ? h->modes[mode] : "", in.bytes);

    uint64_t calls = 0, sink = 0;
    if (warmup)
        sink += h->run(v->fn, &in, warmup);
    const double t0 = now();
    double elapsed;
    if (have_iter) {
        sink += hotpath_run_calls(h, v->fn, &in, iterations);
        calls = iterations;
        elapsed = now() - t0;
    } else {
        /* Batches double until each takes a twentieth of the budget, so the
         * clock is read rarely and the overshoot stays small. */
        uint64_t batch = 1;
        do {
            sink += hotpath_run_calls(h, v->fn, &in, batch);
            calls += batch;
            elapsed = now() - t0;
            if (elapsed < seconds / 20)
                batch *= 2;
        } while (elapsed < seconds);
    }
    if (!quiet)
        report(&in, unit, calls, elapsed, sink);
    hp_input_free(&in);
    return 0;
}

