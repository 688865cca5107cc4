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
#include "hotpath.h"

namespace hp {

// A milestone's registration function; main runs them after the gate, in
// `order` (the milestone number), so milestones need not edit main.cc.
struct Milestone {
    Milestone(int order, void (*fn)());
};
#define HP_BENCH_MILESTONE(order, fn) static ::hp::Milestone hp_milestone_##order(order, fn)

// True under `make bench-quick`: a smoke run with few sizes.
bool quick();

// lo, lo*mult, ... and hi; under quick() only lo and hi.  Geometric steps
// resolve each cache level.
std::vector<int64_t> sizes(int64_t lo, int64_t hi, int64_t mult = 4);

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

}  // namespace hp

#endif
