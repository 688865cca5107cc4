// Paired comparisons as Google Benchmark benchmarks (pair_bench.cc): each
// comparison is one benchmark pair/<family>/<A>:<B>/<size> whose rounds go
// through the engine (paired.h); its per-round times and ratios go into the
// result file's top-level "hp_paired" array (PairJsonReporter), its median
// ratio and interval into the benchmark's counters.  docs/paired.md.
#ifndef HOTPATH_PAIR_BENCH_H
#define HOTPATH_PAIR_BENCH_H

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "paired.h"

namespace hp {

struct PairConfig {
    hp_pair_opts opts{};   // rounds, round time, budget (0: engine defaults)
    int process = 1;       // this process's number among PROCS (1-based)
    size_t offset = 0;     // hp_input.offset of every buffer (0..63)
    bool calibration_only = false;  // make calibrate: the calibration family alone
    // Times each calibration comparison is made (names .../<size>/rep<k>
    // from the second on): the false-alarm rate and the power are counts
    // over repeats.  make bench: 1; make calibrate: 10.
    int calibration_repeats = 1;
    // The user's --benchmark_filter, matched here against the name as it
    // prints (see gbench_filter); empty: every comparison.
    std::string filter;
};

// Google Benchmark matches --benchmark_filter against the name with its
// settings tail, so "pair/.../4000$" would never match.  register_pairs
// applies the user's filter to the plain name itself, and main passes
// Google Benchmark this filter instead: the user's for every other name,
// any pair/ name (already filtered) besides.
std::string gbench_filter(const std::string &user);

// Registers every comparison: each variant of a family with a harness
// against its reference, its library peers and its limits, at the
// harness's sizes (quick sizes under HOTPATH_QUICK); and the calibration
// family's A/A comparison.  Call once, before RunSpecifiedBenchmarks.
void register_pairs(const PairConfig &cfg);

// A paired benchmark sets its iterations (1), repetitions (1) and manual
// time, and Google Benchmark appends those to its name
// (".../iterations:1/repeats:1/manual_time"): the reporters below drop
// that tail so the name is pair/<family>/<A>:<B>/<size>, like every other.
std::vector<benchmark::BenchmarkReporter::Run>
pair_names(const std::vector<benchmark::BenchmarkReporter::Run> &runs);

// Google Benchmark's JSON with one more top-level key, "hp_paired": the
// rounds of every comparison that ran (docs/paired.md, "JSON").
class PairJsonReporter : public benchmark::JSONReporter {
public:
    void ReportRuns(const std::vector<Run> &runs) override
    {
        JSONReporter::ReportRuns(pair_names(runs));
    }
    void Finalize() override;
};

class PairConsoleReporter : public benchmark::ConsoleReporter {
public:
    explicit PairConsoleReporter(OutputOptions o) : ConsoleReporter(o) {}
    void ReportRuns(const std::vector<Run> &runs) override
    {
        ConsoleReporter::ReportRuns(pair_names(runs));
    }
};

}  // namespace hp

#endif
