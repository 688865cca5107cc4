// Milestone 1 benchmarks: sum_array scalar / auto / O0, 16 .. 16Mi elements
// (the harness, shims/harness_basics.c).
#include "bench.h"

static void register_basics()
{
    hp::add_family("sum_array", [](benchmark::State &st, const hp_variant *, hp_input &in) {
        st.SetItemsProcessed(st.iterations() * int64_t(in.size));
        st.SetBytesProcessed(st.iterations() * int64_t(in.bytes));
    });
}
HP_BENCH_MILESTONE(basics, register_basics);
