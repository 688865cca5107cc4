// Milestone 3 benchmarks: what one instruction costs, inline asm vs the
// compiler's builtin, as ns/op and TSC cycles/op.
//
// A benchmark times one call of a batch kernel doing `size` operations
// (see shims/inline_asm.h; inputs and sizes: shims/harness_inline_asm.c),
// so the indirect call is amortized over them:
//   ctz|clz|popcnt|bswap/<variant>/1024/latency     a dependent chain
//   ctz|clz|popcnt|bswap/<variant>/1024/throughput  independent operations
//   rdtsc|rdtscp|cpuid|xgetbv|mfence|lfence|sfence|pause/<variant>/<n>/throughput
// The last group has no data input to chain through, so only the
// back-to-back form exists (for the serializing ones it is their latency).
//
// Counters (median call, see timed()):
//   tsc_cycles_per_op  TSC ticks per operation: reference cycles at the
//                      constant TSC rate, NOT core clock cycles (a core
//                      that boosts above the TSC rate does more than one
//                      clock cycle of work per tick);
//   ns_per_op          the same in nanoseconds, at the TSC rate measured
//                      over the run (tsc_ghz).
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <vector>

#include "bench.h"
#include "inline_asm/asm.h"

namespace {

// One TSC read per iteration: each call's cost is the difference between
// consecutive reads (the kernel call, made by the harness's typed loop
// with one iteration, the loops' bookkeeping and one rdtsc).  The
// counters are the median call, so a call that was preempted on a shared
// machine does not move them; the TSC rate comes from the whole window
// (both clocks run through preemption).
template <class Call>
void timed(benchmark::State &st, int64_t ops, Call call)
{
    std::vector<uint64_t> calls;
    calls.reserve(static_cast<size_t>(st.max_iterations));
    const auto t0 = std::chrono::steady_clock::now();
    const uint64_t c0 = hp_asm_rdtsc();
    uint64_t prev = c0;
    for (auto _ : st) {
        call();
        benchmark::ClobberMemory();
        const uint64_t now = hp_asm_rdtsc();
        calls.push_back(now - prev);
        prev = now;
    }
    const auto t1 = std::chrono::steady_clock::now();
    st.SetItemsProcessed(st.iterations() * ops);
    if (calls.empty())
        return;
    const double ns = std::chrono::duration<double, std::nano>(t1 - t0).count();
    const double tsc_per_ns = ns > 0 ? double(prev - c0) / ns : 0;
    auto mid = calls.begin() + std::ptrdiff_t(calls.size() / 2);
    std::nth_element(calls.begin(), mid, calls.end());
    const double per_op = double(*mid) / double(ops);
    st.counters["tsc_cycles_per_op"] = per_op;
    st.counters["ns_per_op"] = tsc_per_ns > 0 ? per_op / tsc_per_ns : 0;
    st.counters["tsc_ghz"] = tsc_per_ns;
}

void register_inline_asm()
{
    for (const char *family : hp::families("inline_asm"))
        hp::add_family(
            family,
            [](benchmark::State &st, const hp_variant *, hp_input &in) {
                st.SetItemsProcessed(st.iterations() * int64_t(in.size));
            },
            nullptr,
            [](benchmark::State &st, hp::RunFn run, const void *fn, hp_input *in) {
                timed(st, int64_t(in->size), [&] { run(fn, in, 1); });
            });
}

}  // namespace

HP_BENCH_MILESTONE(inline_asm, register_inline_asm);
