// Milestone 4 benchmarks: add_f32, dot_f32 and max_f32 from scalar to
// AVX-512 beside OpenBLAS and memcpy, 16 .. 16Mi elements (L1 to DRAM;
// inputs: shims/harness_simd.c).  Each reports bytes_per_second over the
// bytes a call touches (add 12n, dot 8n, max 4n) and, for add and dot,
// FLOP/s (add n, dot 2n).  The memcpy limit copies half the touched bytes,
// so it touches (reads + writes) the same number.
#include <cstring>

#include "bench.h"

static void register_simd()
{
    static const struct {
        const char *family;
        double flops_per_elem;
    } families[] = {{"add_f32", 1}, {"dot_f32", 2}, {"max_f32", 0}};
    for (const auto &f : families) {
        const double flops = f.flops_per_elem;
        const hp_family *fam = hp_find_family(f.family);
        hp::add_family(f.family, [fam, flops](benchmark::State &st, const hp_variant *v,
                                              hp_input &in) {
            const int64_t n = int64_t(in.size);
            st.SetBytesProcessed(st.iterations() * int64_t(fam->bytes_touched(in.size)));
            st.SetItemsProcessed(st.iterations() * n);
            if (flops > 0 && v->stage != HP_STAGE_LIMIT)
                st.counters["FLOP/s"] = benchmark::Counter(
                    double(st.iterations()) * double(n) * flops, benchmark::Counter::kIsRate);
        });
    }
}

HP_BENCH_MILESTONE(simd, register_simd);
