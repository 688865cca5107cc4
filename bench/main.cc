// hotpath-bench: (1) the correctness gate, (2) the machine context,
// (3) Google Benchmark.  No result file is written unless the gate passes
// and the run completes; the file appears atomically (temp + rename).
#include <benchmark/benchmark.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

#include "bench.h"
#include "context.h"
#include "cpu/cpu.h"
#include "gate.h"
#include "paired/pair_bench.h"

static char tmp_path[4096];

static void on_signal(int sig)
{
    // An interrupted run leaves no partial result behind.
    if (tmp_path[0])
        unlink(tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void usage()
{
    std::puts(
        "usage: hotpath-bench [--hp_out=FILE] [--hp_gate_only] [benchmark flags]\n"
        "  --hp_out=FILE   write Google Benchmark JSON to FILE atomically\n"
        "  --hp_gate_only  run the correctness gate and exit\n"
        "Paired comparisons (pair/<family>/<A>:<B>/<size>, docs/paired.md):\n"
        "  --hp_paired_only     only the paired comparisons (a replicate process)\n"
        "  --hp_no_paired       no paired comparisons\n"
        "  --hp_calibrate       only the calibration family's comparisons, 10 times\n"
        "  --hp_calibrate_repeats=N  make each calibration comparison N times\n"
        "  --hp_process=K       this process's number among PROCS (recorded)\n"
        "  --hp_offset=N        buffers start N bytes (0..63) past 64 (recorded)\n"
        "  --hp_pair_rounds=N   rounds per comparison (default 15)\n"
        "  --hp_pair_round_ms=X ms per side per round (default 0.5)\n"
        "  --hp_pair_budget_s=X seconds per comparison at most (default 0.25)\n"
        "  HOTPATH_ISA     cap the ISA (v1|v2|v3|v4|scalar|sse2|ssse3|avx2|avx512)\n"
        "  HOTPATH_QUICK=1 few sizes (the smoke run of make bench-quick)\n"
        "Google Benchmark's own flags follow (--benchmark_filter=..., ...).");
}

// --name=VALUE with VALUE a number in [lo, hi]: 1 and *v; 0 if argv is
// another flag; exits with a message on a bad value.
static int num_flag(const char *arg, const char *name, double lo, double hi, double *v)
{
    const size_t n = std::strlen(name);
    if (std::strncmp(arg, name, n) != 0 || arg[n] != '=')
        return 0;
    char *end;
    *v = std::strtod(arg + n + 1, &end);
    if (end == arg + n + 1 || *end || !(*v >= lo && *v <= hi)) {
        std::fprintf(stderr, "hotpath-bench: %s: expected a number from %g to %g, got \"%s\"\n",
                     name, lo, hi, arg + n + 1);
        std::exit(2);
    }
    return 1;
}

int main(int argc, char **argv)
{
    std::string out;
    bool gate_only = false, paired = true, others = true;
    hp::PairConfig pc;
    int cal_repeats = 0; // 0: 10 under --hp_calibrate, else 1
    std::vector<char *> args{argv[0]};
    for (int i = 1; i < argc; i++) {
        double v;
        if (num_flag(argv[i], "--hp_process", 1, 1e6, &v)) {
            pc.process = int(v);
        } else if (num_flag(argv[i], "--hp_offset", 0, 63, &v)) {
            pc.offset = size_t(v);
        } else if (num_flag(argv[i], "--hp_pair_rounds", 2, 1e6, &v)) {
            pc.opts.rounds = uint32_t(v);
        } else if (num_flag(argv[i], "--hp_pair_round_ms", 1e-3, 1e4, &v)) {
            pc.opts.round_s = v * 1e-3;
        } else if (num_flag(argv[i], "--hp_pair_budget_s", 1e-3, 1e5, &v)) {
            pc.opts.budget_s = v;
        } else if (std::strcmp(argv[i], "--hp_paired_only") == 0) {
            others = false;
        } else if (std::strcmp(argv[i], "--hp_no_paired") == 0) {
            paired = false;
        } else if (std::strcmp(argv[i], "--hp_calibrate") == 0) {
            others = false;
            pc.calibration_only = true;
        } else if (num_flag(argv[i], "--hp_calibrate_repeats", 1, 1000, &v)) {
            cal_repeats = int(v);
        } else if (std::strncmp(argv[i], "--hp_out=", 9) == 0) {
            out = argv[i] + 9;
        } else if (std::strcmp(argv[i], "--hp_gate_only") == 0) {
            gate_only = true;
        } else if (std::strcmp(argv[i], "--help") == 0) {
            usage();
            return 0;
        } else {
            args.push_back(argv[i]);
        }
    }

    pc.calibration_repeats = cal_repeats ? cal_repeats : pc.calibration_only ? 10 : 1;

    const char *err;
    if (hp_cpu_cap_check(&err) != 0) {
        std::fprintf(stderr, "hotpath-bench: %s\n", err);
        return 2;
    }

    std::fprintf(stderr, "hotpath-bench: correctness gate (HOTPATH_ISA=%s)\n",
                 hp_cpu_cap_name());
    const int failures = hp_gate_run(stderr, nullptr);
    if (failures) {
        std::fprintf(stderr, "hotpath-bench: %d variant(s) failed the gate; nothing timed, "
                             "no result written\n", failures);
        return 1;
    }
    if (gate_only)
        return 0;

    std::string out_flag, fmt_flag = "--benchmark_out_format=json";
    if (!out.empty()) {
        std::snprintf(tmp_path, sizeof tmp_path, "%s.tmp.%ld", out.c_str(), long(getpid()));
        out_flag = std::string("--benchmark_out=") + tmp_path;
        args.push_back(out_flag.data());
        args.push_back(fmt_flag.data());
        std::signal(SIGINT, on_signal);
        std::signal(SIGTERM, on_signal);
    }
    // The last --benchmark_filter wins, as in Google Benchmark.
    std::string filter_flag;
    for (char *&a : args)
        if (std::strncmp(a, "--benchmark_filter=", 19) == 0) {
            pc.filter = a + 19;
            filter_flag = "--benchmark_filter=" + hp::gbench_filter(pc.filter);
            a = filter_flag.data();
        }
    int bargc = int(args.size());
    args.push_back(nullptr);
    benchmark::Initialize(&bargc, args.data());
    if (benchmark::ReportUnrecognizedArguments(bargc, args.data()))
        return 2;

    hp::add_context();
    benchmark::AddCustomContext("hp_process", std::to_string(pc.process));
    benchmark::AddCustomContext("hp_offset", std::to_string(pc.offset));
    if (others)
        for (auto m : hp::milestones())
            m();
    if (paired)
        hp::register_pairs(pc);

    // The file reporter adds the paired rounds to Google Benchmark's JSON;
    // both print paired names without Google Benchmark's settings tail.
    // Another --benchmark_format keeps Google Benchmark's own display.
    hp::PairJsonReporter json;
    hp::PairConsoleReporter console(isatty(STDOUT_FILENO)
                                        ? benchmark::ConsoleReporter::OO_ColorTabular
                                        : benchmark::ConsoleReporter::OO_Tabular);
    bool own_format = false;
    for (int i = 1; i < bargc; i++)
        own_format |= std::strncmp(args[size_t(i)], "--benchmark_format=", 19) == 0 &&
                      std::strcmp(args[size_t(i)], "--benchmark_format=console") != 0;
    const size_t ran = benchmark::RunSpecifiedBenchmarks(own_format ? nullptr : &console,
                                                         out.empty() ? nullptr : &json);
    benchmark::Shutdown();
    if (!out.empty()) {
        if (ran == 0) {
            unlink(tmp_path);
            std::fprintf(stderr, "hotpath-bench: no benchmark matched; no result written\n");
            return 1;
        }
        if (!hp::add_context_after(tmp_path)) {
            std::fprintf(stderr, "hotpath-bench: cannot add the core clock to %s\n", tmp_path);
            unlink(tmp_path);
            return 1;
        }
        if (std::rename(tmp_path, out.c_str()) != 0) {
            std::perror("hotpath-bench: rename");
            unlink(tmp_path);
            return 1;
        }
        std::fprintf(stderr, "hotpath-bench: wrote %s\n", out.c_str());
    }
    return 0;
}
