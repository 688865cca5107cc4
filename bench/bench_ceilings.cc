// The machine's ceilings, measured in the same run as the kernels
// (kernels/ceilings, docs/explain.md): family `ceiling`, variants
// <kind>_<isa> with the widest ISA that runs at the cap, and glibc's own
// routines at the same sizes as the independent checks of the bandwidth
// ceilings (memchr of an absent byte reads, memset writes, memcpy copies).
//
// Sizes are the bytes one call touches, one per level of the DETECTED
// caches: half of L1d, of L2 and of L3 (held there with room for the rest
// of the process), and four times L3 for DRAM.  The FMA and shuffle peaks
// run in registers; their size is the chain loop's iterations per call.
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "bench.h"
#include "ceilings/ceiling.h"
#include "cpu/cache.h"
#include "peers.h"

namespace {

struct Level {
    const char *name;
    size_t bytes;
};

size_t round_step(uint64_t x)
{
    const size_t r = size_t(x) / HP_CEILING_STEP * HP_CEILING_STEP;
    return r ? r : HP_CEILING_STEP;
}

std::vector<Level> levels()
{
    const hp_caches c = hp_cache_sizes();
    std::vector<Level> out;
    if (c.l1d)
        out.push_back({"L1", round_step(c.l1d / 2)});
    if (c.l2)
        out.push_back({"L2", round_step(c.l2 / 2)});
    if (c.l3)
        out.push_back({"L3", round_step(c.l3 / 2)});
    // Past the last cache; 64 MiB at least when the sizes are unknown.
    const uint64_t last = c.l3 ? c.l3 : c.l2 ? c.l2 : c.l1d;
    out.push_back({"DRAM", round_step(last * 4 > (64u << 20) ? last * 4 : 64u << 20)});
    return out;
}

// Copies write at this distance past a 4 KiB boundary from where they
// read: two large allocations start on page boundaries, and a load whose
// address matches an earlier, still pending store's in the low 12 bits
// waits for it (4K aliasing).  Measured here (16 KiB copies, Zen 4): 120
// GB/s at the same offset, see docs/explain.md for the figure at this one.
constexpr size_t kCopySkew = 2048 + 64;

// Two buffers as large as the largest level (plus the skew), 64-byte
// aligned, written once so no page fault lands in a timing.
struct Buffers {
    char *a = nullptr, *b = nullptr;
    size_t bytes = 0;
    Buffers()
    {
        for (const Level &l : levels())
            bytes = l.bytes > bytes ? l.bytes : bytes;
        a = static_cast<char *>(std::aligned_alloc(64, bytes + kCopySkew));
        b = static_cast<char *>(std::aligned_alloc(64, bytes + kCopySkew));
        if (!a || !b)
            std::abort();
        std::memset(a, 0x5a, bytes + kCopySkew);
        std::memset(b, 0xa5, bytes + kCopySkew);
    }
};

Buffers &buffers()
{
    static Buffers buf;
    return buf;
}

// glibc's routines through pointers the compiler cannot see through, so
// each call is the library's (a builtin memset of a constant size could be
// inlined into something else).
const void *(*volatile glibc_memchr)(const void *, int, size_t) = std::memchr;
void *(*volatile glibc_memset)(void *, int, size_t) = std::memset;

using Body = void (*)(benchmark::State &, const hp_ceiling_isa *, size_t);

void read(benchmark::State &st, const hp_ceiling_isa *isa, size_t n)
{
    for (auto _ : st)
        benchmark::DoNotOptimize(isa->read(buffers().a, n));
}
void write(benchmark::State &st, const hp_ceiling_isa *isa, size_t n)
{
    for (auto _ : st) {
        isa->write(buffers().a, n, 0x0102030405060708ull);
        benchmark::ClobberMemory();
    }
}
// A copy touches n bytes: n/2 read and n/2 written.
void copy(benchmark::State &st, const hp_ceiling_isa *isa, size_t n)
{
    const size_t half = n / 2 / HP_CEILING_STEP * HP_CEILING_STEP;
    for (auto _ : st) {
        isa->copy(buffers().b + kCopySkew, buffers().a, half);
        benchmark::ClobberMemory();
    }
}
void ntstore(benchmark::State &st, const hp_ceiling_isa *isa, size_t n)
{
    for (auto _ : st) {
        isa->ntstore(buffers().a, n, 0x0102030405060708ull);
        benchmark::ClobberMemory();
    }
}
void check_memchr(benchmark::State &st, const hp_ceiling_isa *, size_t n)
{
    for (auto _ : st) // 0x00 never occurs in buffer a (0x5a, or the write pattern)
        benchmark::DoNotOptimize(glibc_memchr(buffers().a, 0, n));
}
void check_memset(benchmark::State &st, const hp_ceiling_isa *, size_t n)
{
    for (auto _ : st) {
        glibc_memset(buffers().a, 0x5a, n);
        benchmark::ClobberMemory();
    }
}
void check_memcpy(benchmark::State &st, const hp_ceiling_isa *, size_t n)
{
    for (auto _ : st) {
        hp_limit_memcpy(buffers().b + kCopySkew, buffers().a, n / 2);
        benchmark::ClobberMemory();
    }
}

void add(const std::string &variant, size_t n, const hp_ceiling_isa *isa, Body body)
{
    benchmark::RegisterBenchmark(("ceiling/" + variant + "/" + std::to_string(n)).c_str(),
                                 [isa, n, body](benchmark::State &st) {
                                     body(st, isa, n);
                                     st.SetBytesProcessed(int64_t(st.iterations()) * int64_t(n));
                                     st.counters["touched"] = double(n);
                                 });
}

constexpr uint64_t kPeakIters = 4096;

void register_ceilings()
{
    const hp_ceiling_isa *isa = hp_ceiling_widest();
    buffers(); // allocated and faulted in now, not in the first timing
    const std::string sfx = std::string("_") + isa->isa;
    for (const Level &l : levels()) {
        add("read" + sfx, l.bytes, isa, read);
        add("write" + sfx, l.bytes, isa, write);
        add("copy" + sfx, l.bytes, isa, copy);
        add("ntstore" + sfx, l.bytes, isa, ntstore);
        add("memchr", l.bytes, isa, check_memchr);
        add("memset", l.bytes, isa, check_memset);
        add("memcpy", l.bytes, isa, check_memcpy);
    }
    // Peaks: FLOP/s of the FMA chains; bytes/s of the shuffles (the bytes
    // of every vector shuffled).
    const double per_call = double(kPeakIters) * HP_CEILING_CHAINS;
    const double lanes = isa->width / 4.0;
    if (isa->fma)
        benchmark::RegisterBenchmark(
            ("ceiling/fma" + sfx + "/" + std::to_string(kPeakIters)).c_str(),
            [isa, per_call, lanes](benchmark::State &st) {
                for (auto _ : st)
                    benchmark::DoNotOptimize(isa->fma(kPeakIters, 1.0f));
                st.SetItemsProcessed(int64_t(st.iterations() * per_call * lanes * 2));
                st.counters["FLOP/s"] = benchmark::Counter(
                    double(st.iterations()) * per_call * lanes * 2, benchmark::Counter::kIsRate);
            });
    if (isa->shuffle)
        benchmark::RegisterBenchmark(
            ("ceiling/shuffle" + sfx + "/" + std::to_string(kPeakIters)).c_str(),
            [isa, per_call](benchmark::State &st) {
                for (auto _ : st)
                    benchmark::DoNotOptimize(isa->shuffle(kPeakIters, 7));
                st.SetBytesProcessed(int64_t(st.iterations() * per_call * isa->width));
            });
}

}  // namespace

HP_BENCH_MILESTONE(ceilings, register_ceilings);
