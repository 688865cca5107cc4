// Shared pieces of the benchmark fixtures: every milestone's bench_<m>.cc
// registers its benchmarks at run time from the registry through these.
#ifndef HOTPATH_BENCH_H
#define HOTPATH_BENCH_H

#include <benchmark/benchmark.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "gate.h"
#include "harness.h"
#include "hotpath.h"

namespace hp {

// A milestone's registration function; main runs them after the gate, in
// the milestones' order (shims/milestones.h), so milestones need not edit
// main.cc.
struct Milestone {
    Milestone(const char *milestone, void (*fn)());
};
#define HP_BENCH_MILESTONE(m, fn) static ::hp::Milestone hp_milestone_##m(#m, fn)
// The registration functions in the milestones' order, then those of fixtures
// outside the journey (the ceilings).
std::vector<void (*)()> milestones();

// True under `make bench-quick`: a smoke run with few sizes.
bool quick();

// lo, lo*mult, ... and hi; under quick() only lo and hi.  Geometric steps
// resolve each cache level.
std::vector<int64_t> sizes(int64_t lo, int64_t hi, int64_t mult = 4);

// The families of a milestone (a folder under kernels/), in registry order.
std::vector<const char *> families(const char *milestone);

// Variants of a family, registry first then peers (library, limit).
std::vector<const hp_variant *> variants(const char *family);

// The variant's function as the family's function type.  hp_variant keeps
// it as `const void *` (C has no generic function pointer); clang rejects a
// plain reinterpret_cast that drops the const.
template <class Fn>
Fn fn(const hp_variant *v)
{
    return reinterpret_cast<Fn>(const_cast<void *>(v->fn));
}

using Body = std::function<void(benchmark::State &, int64_t size)>;

// Registers family/variant/size (plus `suffix`, e.g. "/O0") for each size.
// A variant that cannot run here is registered once, at the first size,
// as a benchmark that reports why (SkipWithError): visible, never silent.
// Each benchmark also gets the counter `touched`: bytes one call reads and
// writes (from the family), so reports can place it in the cache hierarchy.
// `name`, if given, replaces v->name in the benchmark's name: milestone 2
// registers the variant iter_O0 as sum/iter/<size>/O0.
void add(const hp_variant *v, const std::vector<int64_t> &sizes, Body body,
         const std::string &suffix = "", const char *name = nullptr);

// The harness of a family (abort if it has none: a registry family
// without one fails test_harness long before a benchmark run).
const hp_harness &harness(const char *family);

// The benchmark sizes of a harness: the short list under quick().
std::vector<int64_t> sizes(const hp_harness &h);

// The harness's input for (size, mode), prepared once and kept while the
// benchmarks of that family run (they follow one another), so a 16Mi
// input is not refilled for every repetition; up to 1 GiB of them, oldest
// dropped first.  nullptr after st.SkipWithError when prepare fails.
// A limit variant gets the limit line's input (hp_limit_prepare).
hp_input *input(benchmark::State &st, const hp_harness &h, int64_t size, size_t mode,
                bool limit = false);

// All of the state's iterations as one batch of the harness's typed loop:
// the timed loop costs exactly the kernel calls, as a plain
// `for (auto _ : st)` around the call did, with no wrapper per call.
inline uint64_t run_batch(benchmark::State &st,
                          uint64_t (*run)(const void *fn, hp_input *in, uint64_t iters),
                          const void *fn, hp_input *in)
{
    const benchmark::IterationCount n = st.max_iterations;
    uint64_t sink = 0;
    while (st.KeepRunningBatch(n))
        sink += run(fn, in, uint64_t(n));
    return sink;
}

// What a family's benchmark reports besides the time, given its input.
using Report =
    std::function<void(benchmark::State &, const hp_variant *v, hp_input &in)>;

// The variant's name in the benchmark and its suffix, when they are not
// v->name and the mode (milestone 2: iter_O0 -> sum/iter/<size>/O0).
using Naming = std::function<void(const hp_variant *v, std::string *name, std::string *suffix)>;

// The timed loop, when it is not run_batch (milestone 3 reads the TSC
// around every call; milestone 7 stamps CPU time and the TSC around the
// loop).  `run` is the harness's loop (or hp_limit_run).
using RunFn = uint64_t (*)(const void *fn, hp_input *in, uint64_t iters);
using Loop = std::function<void(benchmark::State &, RunFn run, const void *fn, hp_input *in)>;

// Registers family/variant/size[/mode] for every variant of the family
// (registry and peers), every mode and every harness size: the input from
// input(), the loop (run_batch unless given), then report.  Limit
// variants run the limit line (hp_limit_run) with the same report.
void add_family(const char *family, Report report, Naming naming = nullptr, Loop loop = nullptr);

}  // namespace hp

#endif
