// Milestone 3 benchmarks: what one instruction costs, inline asm vs the
// compiler's builtin, as ns/op and TSC cycles/op.
//
// A benchmark times one call of a batch kernel doing `size` operations
// (see shims/inline_asm.h), so the indirect call is amortized over them:
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
#include "inline_asm.h"
#include "rng.h"

namespace {

// 1024 values in + 1024 out = 16 KiB: every x86 L1d holds it, so the bit
// operations are not measured against a cache miss.
constexpr int64_t kBitOps = 1024;
constexpr int64_t kReads = 1024;
// cpuid traps to the hypervisor in a VM and pause may trip its pause-loop
// exit, so fewer of those per call keep one call short.
constexpr int64_t kSlowOps = 256;

// One TSC read per iteration: each call's cost is the difference between
// consecutive reads (the call, the loop's bookkeeping and one rdtsc, about
// 2% of a 1024-op call here).  The counters are the median call, so a call
// that was preempted on a shared machine does not move them; the TSC rate
// comes from the whole window (both clocks run through preemption).
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

void add_bitop(const char *family)
{
    for (const hp_variant *v : hp::variants(family)) {
        auto fn = hp::fn<hp_bitop_fn>(v);
        for (int chained : {1, 0})
            hp::add(
                v, hp::sizes(kBitOps, kBitOps),
                [fn, chained](benchmark::State &st, int64_t n) {
                    std::vector<uint64_t> in(static_cast<size_t>(n)), out(in.size());
                    hp_rng rng{5};
                    for (uint64_t &x : in)
                        x = hp_rng_next(&rng);
                    timed(st, n, [&] {
                        benchmark::DoNotOptimize(in.data());
                        fn(in.data(), out.data(), in.size(), chained);
                    });
                },
                chained ? "/latency" : "/throughput");
    }
}

// Families whose kernel writes n 64-bit values (rdtsc, xgetbv, fences).
template <class Fn, class Call>
void add_writer(const char *family, int64_t ops, Call call)
{
    for (const hp_variant *v : hp::variants(family)) {
        auto fn = hp::fn<Fn>(v);
        hp::add(
            v, hp::sizes(ops, ops),
            [fn, call](benchmark::State &st, int64_t n) {
                std::vector<uint64_t> out(static_cast<size_t>(n));
                timed(st, n, [&] { call(fn, out.data(), out.size()); });
            },
            "/throughput");
    }
}

void register_inline_asm()
{
    add_writer<hp_rdtsc_fn>("rdtsc", kReads, [](hp_rdtsc_fn f, uint64_t *o, size_t n) { f(o, n); });
    for (const hp_variant *v : hp::variants("rdtscp")) {
        auto fn = hp::fn<hp_rdtscp_fn>(v);
        hp::add(
            v, hp::sizes(kReads, kReads),
            [fn](benchmark::State &st, int64_t n) {
                std::vector<uint64_t> out(static_cast<size_t>(n));
                std::vector<uint32_t> aux(out.size());
                timed(st, n, [&] { fn(out.data(), aux.data(), out.size()); });
            },
            "/throughput");
    }
    for (const hp_variant *v : hp::variants("cpuid")) {
        auto fn = hp::fn<hp_cpuid_fn>(v);
        hp::add(
            v, hp::sizes(kSlowOps, kSlowOps),
            [fn](benchmark::State &st, int64_t n) {
                uint32_t r[4];
                timed(st, n, [&] {
                    fn(0, 0, r, static_cast<size_t>(n));
                    benchmark::DoNotOptimize(r);
                });
            },
            "/throughput");
    }
    add_writer<hp_xgetbv_fn>("xgetbv", kReads,
                             [](hp_xgetbv_fn f, uint64_t *o, size_t n) { f(0, o, n); });
    for (const char *family : {"ctz", "clz", "popcnt", "bswap"})
        add_bitop(family);
    for (const char *family : {"mfence", "lfence", "sfence"})
        add_writer<hp_fence_fn>(family, kReads,
                                [](hp_fence_fn f, uint64_t *o, size_t n) { f(o, n); });
    for (const hp_variant *v : hp::variants("pause")) {
        auto fn = hp::fn<hp_pause_fn>(v);
        hp::add(
            v, hp::sizes(kSlowOps, kSlowOps),
            [fn](benchmark::State &st, int64_t n) {
                timed(st, n, [&] { fn(static_cast<size_t>(n)); });
            },
            "/throughput");
    }
}

}  // namespace

HP_BENCH_MILESTONE(3, register_inline_asm);
