// Milestone 7 benchmarks: CPU effects.  Each reports, besides Google
// Benchmark's time, its cost per unit of work in nanoseconds of CPU time
// and in TSC cycles (ns_per_*, tsc_per_*): TSC cycles tick at the constant
// reference rate of the time-stamp counter, not at the core's current
// clock, so they convert to ns, not to core cycles.
//   branch_sum/<v>/<n>/{random,sorted}   bytes in [0,256), threshold 127
//   pointer_chase/scalar/<bytes>         dependent loads, one per cache line
//   gather_sum/scalar/<n>/{seq,random}   the same array, two access orders
//   ilp_{imul,fma}/chainsK/<ops>         8 chains, K in flight at a time
// Inputs and sizes: shims/harness_cpu_effects.c.
// hotpath-stats --cpu-effects (make cpu-effects-report) derives the
// misprediction cost and the latency per cache level from a run.
#include <x86intrin.h>

#include <ctime>
#include <string>

#include "bench.h"
#include "cpu_effects.h"

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

// The timed loop of a family whose cost is reported per `unit`:
// units_per_call(in) of them per call.
hp::Loop stamped(const char *unit, double (*units_per_call)(const hp_input &in), bool ops_rate)
{
    return [unit, units_per_call, ops_rate](benchmark::State &st, hp::RunFn run, const void *fn,
                                            hp_input *in) {
        const Stamp from = Stamp::now();
        hp::run_batch(st, run, fn, in);
        const double ns = per_unit(st, from, unit, units_per_call(*in));
        if (ops_rate && ns > 0)
            st.counters["ops_per_ns"] = 1 / ns;
    };
}

double elements(const hp_input &in) { return double(in.size); }
double steps(const hp_input &in) { return double(in.arg); }

// One chase step per cache line, 2^16 steps per call (~6 ms from DRAM)
// whatever the working set, rather than the harness's one cycle per call,
// so the small sets are not timed as a handful of loads and a return.
constexpr uint64_t kChaseSteps = 1 << 16;

void register_cpu_effects()
{
    const hp::Report items_bytes = [](benchmark::State &st, const hp_variant *, hp_input &in) {
        st.SetItemsProcessed(st.iterations() * int64_t(in.size));
        st.SetBytesProcessed(st.iterations() * int64_t(in.bytes));
    };
    hp::add_family("branch_sum", items_bytes, nullptr, stamped("elem", elements, false));
    const hp::Loop chase = stamped("load", steps, false);
    hp::add_family(
        "pointer_chase",
        [](benchmark::State &st, const hp_variant *, hp_input &in) {
            st.SetItemsProcessed(st.iterations() * int64_t(in.arg));
        },
        nullptr,
        [chase](benchmark::State &st, hp::RunFn run, const void *fn, hp_input *in) {
            in->arg = kChaseSteps;
            chase(st, run, fn, in);
        });
    hp::add_family("gather_sum", items_bytes, nullptr, stamped("elem", elements, false));
    const hp::Report ops = [](benchmark::State &st, const hp_variant *, hp_input &in) {
        st.SetItemsProcessed(st.iterations() * int64_t(in.size));
    };
    hp::add_family("ilp_imul", ops, nullptr, stamped("op", elements, true));
    hp::add_family("ilp_fma", ops, nullptr, stamped("op", elements, true));
}

}  // namespace

HP_BENCH_MILESTONE(cpu_effects, register_cpu_effects);
