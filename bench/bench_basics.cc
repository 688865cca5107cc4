// Milestone 1 benchmarks: sum_array scalar / auto / O0, 16 .. 16Mi elements.
#include <vector>

#include "basics.h"
#include "bench.h"
#include "rng.h"

static void register_basics()
{
    for (const hp_variant *v : hp::variants("sum_array")) {
        auto fn = hp::fn<hp_sum_array_fn>(v);
        hp::add(v, hp::sizes(16, 16 << 20), [fn](benchmark::State &st, int64_t n) {
            std::vector<int32_t> a(static_cast<size_t>(n));
            hp_rng rng{1};
            hp_rng_fill(&rng, a.data(), a.size() * sizeof a[0]);
            for (auto _ : st) {
                benchmark::DoNotOptimize(a.data());
                int32_t s = fn(a.data(), a.size());
                benchmark::DoNotOptimize(s);
                benchmark::ClobberMemory();
            }
            st.SetItemsProcessed(st.iterations() * n);
            st.SetBytesProcessed(st.iterations() * n * int64_t(sizeof(int32_t)));
        });
    }
}
HP_BENCH_MILESTONE(1, register_basics);
