// Milestone 4 benchmarks: add_f32, dot_f32 and max_f32 from scalar to
// AVX-512 beside OpenBLAS and memcpy, 16 .. 16Mi elements (L1 to DRAM).
// Each reports bytes_per_second over the bytes a call touches (the
// family's bytes_touched: add 12n, dot 8n, max 4n) and, for add and dot,
// FLOP/s (add n, dot 2n).  The memcpy limit copies half the touched bytes,
// so it touches (reads + writes) the same number.
#include <cstdlib>
#include <cstring>
#include <string>

#include "bench.h"
#include "peers_simd.h"
#include "rng.h"
#include "simd.h"

namespace {

constexpr int64_t kMaxN = int64_t(16) << 20;

// a, b and out: kMaxN floats each in [-1, 1), 64-byte aligned, filled once
// and shared by every benchmark (filling 200 MB per benchmark and
// repetition would cost more than the timing).  One block holds a, b, out
// and a spare array after out, so the memcpy limit, which moves up to 6n
// bytes (add: 12n touched), reads from a (running on into b) and writes to
// out (running on into the spare).
struct Arrays {
    float *a, *b, *out;
    Arrays()
    {
        a = static_cast<float *>(std::aligned_alloc(64, 4 * kMaxN * sizeof(float)));
        if (!a)
            std::abort();
        b = a + kMaxN;
        out = b + kMaxN;
        hp_rng rng{1};
        for (int64_t i = 0; i < 4 * kMaxN; i++)
            a[i] = float(int32_t(hp_rng_next(&rng) >> 40) - (1 << 23)) / float(1 << 23);
    }
};

const Arrays &arrays()
{
    static const Arrays arr;
    return arr;
}

void rates(benchmark::State &st, int64_t n, const char *family, double flops_per_elem)
{
    const hp_family *f = hp_find_family(family);
    st.SetBytesProcessed(st.iterations() * int64_t(f->bytes_touched(uint64_t(n))));
    st.SetItemsProcessed(st.iterations() * n);
    if (flops_per_elem > 0)
        st.counters["FLOP/s"] = benchmark::Counter(double(st.iterations()) * double(n) *
                                                   flops_per_elem, benchmark::Counter::kIsRate);
}

// memcpy of half the bytes the family touches: the same traffic, read once
// and written once.
using limit_fn = void (*)(void *dst, const void *src, size_t n);

hp::Body limit_body(const char *family, limit_fn copy)
{
    return [family, copy](benchmark::State &st, int64_t n) {
        const Arrays &m = arrays();
        const size_t bytes = hp_find_family(family)->bytes_touched(uint64_t(n)) / 2;
        for (auto _ : st) {
            benchmark::DoNotOptimize(m.out);
            copy(m.out, m.a, bytes);
            benchmark::ClobberMemory();
        }
        rates(st, n, family, 0);
    };
}

hp::Body add_body(hp_add_f32_fn fn)
{
    return [fn](benchmark::State &st, int64_t n) {
        const Arrays &m = arrays();
        for (auto _ : st) {
            benchmark::DoNotOptimize(m.out);
            fn(m.a, m.b, m.out, size_t(n));
            benchmark::ClobberMemory();
        }
        rates(st, n, "add_f32", 1);
    };
}

hp::Body dot_body(hp_dot_f32_fn fn)
{
    return [fn](benchmark::State &st, int64_t n) {
        const Arrays &m = arrays();
        for (auto _ : st) {
            benchmark::DoNotOptimize(m.a);
            float s = fn(m.a, m.b, size_t(n));
            benchmark::DoNotOptimize(s);
        }
        rates(st, n, "dot_f32", 2);
    };
}

hp::Body max_body(hp_max_f32_fn fn)
{
    return [fn](benchmark::State &st, int64_t n) {
        const Arrays &m = arrays();
        for (auto _ : st) {
            benchmark::DoNotOptimize(m.a);
            float s = fn(m.a, size_t(n));
            benchmark::DoNotOptimize(s);
        }
        rates(st, n, "max_f32", 0);
    };
}

void register_family(const char *family, hp::Body (*body)(const hp_variant *))
{
    const std::vector<int64_t> sizes = hp::sizes(16, kMaxN);
    for (const hp_variant *v : hp::variants(family)) {
        hp::add(v, sizes, v->stage == HP_STAGE_LIMIT
                       ? limit_body(family, hp::fn<limit_fn>(v))
                       : body(v));
    }
}

void register_simd()
{
    register_family("add_f32",
                    [](const hp_variant *v) { return add_body(hp::fn<hp_add_f32_fn>(v)); });
    register_family("dot_f32",
                    [](const hp_variant *v) { return dot_body(hp::fn<hp_dot_f32_fn>(v)); });
    register_family("max_f32",
                    [](const hp_variant *v) { return max_body(hp::fn<hp_max_f32_fn>(v)); });
}

}  // namespace

HP_BENCH_MILESTONE(4, register_simd);
