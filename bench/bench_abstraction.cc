// Milestone 2 benchmarks: iterator chain vs manual loop, at every
// optimization level, at 16, 64Ki and 16Mi elements (L1, L2, DRAM; more
// sizes would not fit the time budget with 40 variants).  Names end in
// the level: sum_positive/iter/65536/O0; the Release iter/manual are /O3.
#include <cstring>
#include <string>
#include <vector>

#include "abstraction.h"
#include "bench.h"
#include "rng.h"

// One input for every benchmark, filled once: values in [-200, 200], so
// that each filter keeps some elements and drops others (the chain keeps
// 1..49, about 12%) and branchy code pays for its branches.
static const std::vector<int32_t> &input()
{
    static const std::vector<int32_t> a = [] {
        std::vector<int32_t> v(size_t(16) << 20);
        hp_rng rng{9};
        for (int32_t &x : v)
            x = int32_t(hp_rng_below(&rng, 401)) - 200;
        return v;
    }();
    return a;
}

static void register_family(const char *family)
{
    for (const hp_variant *v : hp::variants(family)) {
        // "iter_O0" -> "iter" + "/O0"; the unsuffixed Release pair is -O3.
        const char *us = std::strchr(v->name, '_');
        const std::string name = us ? std::string(v->name, us) : std::string(v->name);
        const std::string level = us ? std::string("/") + (us + 1) : std::string("/O3");
        auto fn = hp::fn<hp_sum_array_fn>(v);
        hp::add(v, hp::sizes(16, 16 << 20, 4096),
                [fn](benchmark::State &st, int64_t n) {
                    const int32_t *a = input().data();
                    for (auto _ : st) {
                        benchmark::DoNotOptimize(a);
                        int32_t s = fn(a, size_t(n));
                        benchmark::DoNotOptimize(s);
                        benchmark::ClobberMemory();
                    }
                    st.SetItemsProcessed(st.iterations() * n);
                    st.SetBytesProcessed(st.iterations() * n * int64_t(sizeof(int32_t)));
                },
                level, name.c_str());
    }
}

static void register_abstraction()
{
    for (const char *f : {"sum", "sum_positive", "sum_squares", "sum_chain"})
        register_family(f);
}
HP_BENCH_MILESTONE(2, register_abstraction);
