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
        "  HOTPATH_ISA     cap the ISA (v1|v2|v3|v4|scalar|sse2|ssse3|avx2|avx512)\n"
        "  HOTPATH_QUICK=1 few sizes (the smoke run of make bench-quick)\n"
        "Google Benchmark's own flags follow (--benchmark_filter=..., ...).");
}

int main(int argc, char **argv)
{
    std::string out;
    bool gate_only = false;
    std::vector<char *> args{argv[0]};
    for (int i = 1; i < argc; i++) {
        if (std::strncmp(argv[i], "--hp_out=", 9) == 0) {
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
    int bargc = int(args.size());
    args.push_back(nullptr);
    benchmark::Initialize(&bargc, args.data());
    if (benchmark::ReportUnrecognizedArguments(bargc, args.data()))
        return 2;

    hp::add_context();
    for (auto m : hp::milestones())
        m();

    const size_t ran = benchmark::RunSpecifiedBenchmarks();
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
