// Milestone 7 benchmarks: CPU effects.  Each reports, besides Google
// Benchmark's time, its cost per unit of work in nanoseconds of CPU time
// and in TSC cycles (ns_per_*, tsc_per_*): TSC cycles tick at the constant
// reference rate of the time-stamp counter, not at the core's current
// clock, so they convert to ns, not to core cycles.
//   branch_sum/<v>/<n>/{random,sorted}   bytes in [0,256), threshold 127
//   pointer_chase/scalar/<bytes>         dependent loads, one per cache line
//   gather_sum/scalar/<n>/{seq,random}   the same array, two access orders
//   ilp_{imul,fma}/chainsK/<ops>         8 chains, K in flight at a time
// hotpath-stats --cpu-effects (make cpu-effects-report) derives the
// misprediction cost and the latency per cache level from a run.
#include <x86intrin.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench.h"
#include "cpu_effects.h"
#include "perm.h"
#include "rng.h"

namespace {

// CPU time of this thread (as Google Benchmark's cpu_time: on a shared
// machine the time the thread waits descheduled is not charged to the
// kernel), wall time and the TSC, read together around a timed loop.
struct Stamp {
    double cpu_ns, wall_ns;
    uint64_t tsc;
    static Stamp now()
    {
        timespec cpu, wall;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
        clock_gettime(CLOCK_MONOTONIC, &wall);
        return {cpu.tv_sec * 1e9 + double(cpu.tv_nsec), wall.tv_sec * 1e9 + double(wall.tv_nsec),
                __rdtsc()};
    }
};

// Sets ns_per_<unit> (CPU time) and tsc_per_<unit> (that CPU time in TSC
// cycles, at the TSC rate measured over the same loop) for the loop that
// started at `from`; returns ns per unit.
double per_unit(benchmark::State &st, const Stamp &from, const std::string &unit,
                double units_per_iteration)
{
    const Stamp to = Stamp::now();
    const double units = units_per_iteration * double(st.iterations());
    const double wall = to.wall_ns - from.wall_ns;
    if (units <= 0 || wall <= 0)
        return 0;
    const double ns = (to.cpu_ns - from.cpu_ns) / units;
    st.counters["ns_per_" + unit] = ns;
    st.counters["tsc_per_" + unit] = ns * double(to.tsc - from.tsc) / wall;
    return ns;
}

constexpr int32_t kThreshold = 127;  // values in [0,256): half of them count

void register_branch_sum()
{
    for (const hp_variant *v : hp::variants("branch_sum")) {
        auto fn = hp::fn<hp_branch_sum_fn>(v);
        for (const char *order : {"random", "sorted"}) {
            const bool sorted = order[0] == 's';
            hp::add(v, hp::sizes(4096, 1 << 20, 16), [fn, sorted](benchmark::State &st, int64_t n) {
                std::vector<int32_t> a(static_cast<size_t>(n));
                hp_rng rng{21};
                for (auto &x : a)
                    x = int32_t(hp_rng_next(&rng) & 255);
                if (sorted)
                    std::sort(a.begin(), a.end());
                const Stamp from = Stamp::now();
                for (auto _ : st) {
                    benchmark::DoNotOptimize(a.data());
                    int64_t s = fn(a.data(), a.size(), kThreshold);
                    benchmark::DoNotOptimize(s);
                }
                per_unit(st, from, "elem", double(n));
                st.SetItemsProcessed(st.iterations() * n);
                st.SetBytesProcessed(st.iterations() * n * int64_t(sizeof(int32_t)));
            }, std::string("/") + order);
        }
    }
}

// Working sets from 4 KiB to 256 MiB: each power of two and the point half
// way up (x1.5), so every cache level's edge falls between two samples.
std::vector<int64_t> chase_sizes()
{
    const int64_t lo = 4 << 10, hi = int64_t(256) << 20;
    if (hp::quick())
        return {lo, hi};
    std::vector<int64_t> out;
    for (int64_t s = lo; s <= hi; s *= 2) {
        out.push_back(s);
        if (s < hi)
            out.push_back(s + s / 2);
    }
    return out;
}

void register_pointer_chase()
{
    constexpr size_t kStride = 64 / sizeof(uint32_t);  // one slot per cache line
    constexpr size_t kSteps = 1 << 16;                  // ~6 ms per call from DRAM
    for (const hp_variant *v : hp::variants("pointer_chase")) {
        auto fn = hp::fn<hp_pointer_chase_fn>(v);
        hp::add(v, chase_sizes(), [fn](benchmark::State &st, int64_t bytes) {
            const size_t n = size_t(bytes) / sizeof(uint32_t), k = n / kStride;
            std::vector<uint32_t> next(n), cyc(k);
            hp_rng rng{22};
            hp_perm_cycle(cyc.data(), k, &rng);
            hp_perm_spread(cyc.data(), k, next.data(), kStride);
            const Stamp from = Stamp::now();
            for (auto _ : st) {
                benchmark::DoNotOptimize(next.data());
                uint32_t end = fn(next.data(), n, kSteps);
                benchmark::DoNotOptimize(end);
            }
            per_unit(st, from, "load", double(kSteps));
            st.SetItemsProcessed(st.iterations() * int64_t(kSteps));
        });
    }
}

// The arrays of one gather size, built once per process: shuffling 16 Mi
// indices takes about a second, too long to repeat for every repetition.
struct GatherInput {
    std::vector<int32_t> a;
    std::vector<uint32_t> seq, shuffled;
};

const GatherInput &gather_input(size_t n)
{
    static std::map<size_t, std::unique_ptr<GatherInput>> cache;
    auto &slot = cache[n];
    if (!slot) {
        slot.reset(new GatherInput);
        hp_rng rng{23};
        slot->a.resize(n);
        hp_rng_fill(&rng, slot->a.data(), n * sizeof(int32_t));
        slot->seq.resize(n);
        slot->shuffled.resize(n);
        hp_perm_indices(slot->seq.data(), n, 0, &rng);
        hp_perm_indices(slot->shuffled.data(), n, 1, &rng);
    }
    return *slot;
}

void register_gather_sum()
{
    for (const hp_variant *v : hp::variants("gather_sum")) {
        auto fn = hp::fn<hp_gather_sum_fn>(v);
        for (const char *order : {"seq", "random"}) {
            const bool shuffled = order[0] == 'r';
            hp::add(v, hp::sizes(1024, 16 << 20, 4), [fn, shuffled](benchmark::State &st, int64_t n) {
                const GatherInput &in = gather_input(size_t(n));
                const uint32_t *idx = shuffled ? in.shuffled.data() : in.seq.data();
                const Stamp from = Stamp::now();
                for (auto _ : st) {
                    benchmark::DoNotOptimize(idx);
                    int64_t s = fn(in.a.data(), in.a.size(), idx, in.a.size());
                    benchmark::DoNotOptimize(s);
                }
                per_unit(st, from, "elem", double(n));
                st.SetItemsProcessed(st.iterations() * n);
                st.SetBytesProcessed(st.iterations() * n * int64_t(sizeof(int32_t) + sizeof(uint32_t)));
            }, std::string("/") + order);
        }
    }
}

// size = operations per call (8 chains x steps).  4096 steps per chain:
// long enough that the chain, not the loop entry, dominates.
template <class T, class Fn>
void register_ilp(const char *family, T m, T c)
{
    constexpr int64_t kOps = HP_ILP_CHAINS * 4096;
    for (const hp_variant *v : hp::variants(family)) {
        auto fn = hp::fn<Fn>(v);
        hp::add(v, hp::sizes(kOps, kOps), [fn, m, c](benchmark::State &st, int64_t ops) {
            T x[HP_ILP_CHAINS];
            for (int j = 0; j < HP_ILP_CHAINS; j++)
                x[j] = T(j + 1);
            const size_t steps = size_t(ops) / HP_ILP_CHAINS;
            const Stamp from = Stamp::now();
            for (auto _ : st) {
                fn(x, m, c, steps);
                benchmark::DoNotOptimize(x);
                benchmark::ClobberMemory();
            }
            const double ns = per_unit(st, from, "op", double(ops));
            if (ns > 0)
                st.counters["ops_per_ns"] = 1 / ns;
            st.SetItemsProcessed(st.iterations() * ops);
        });
    }
}

void register_cpu_effects()
{
    register_branch_sum();
    register_pointer_chase();
    register_gather_sum();
    // Odd multiplier: the integer chains never collapse to zero.  |m| < 1:
    // the float chains settle at c / (1 - m) = 1, no overflow or denormals.
    register_ilp<uint64_t, hp_ilp_imul_fn>("ilp_imul", 0x9E3779B97F4A7C15ull, 12345);
    register_ilp<float, hp_ilp_fma_fn>("ilp_fma", 0.75f, 0.25f);
}

}  // namespace

HP_BENCH_MILESTONE(7, register_cpu_effects);
