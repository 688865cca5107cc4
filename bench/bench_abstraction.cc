// Milestone 2 benchmarks: iterator chain vs manual loop, at every
// optimization level (inputs and sizes: shims/harness_abstraction.c).
// Names end in the level: sum_positive/iter/65536/O0; the Release
// iter/manual are /O3.
#include <cstring>
#include <string>

#include "bench.h"

static void register_abstraction()
{
    for (const char *f : hp::families("abstraction"))
        hp::add_family(
            f,
            [](benchmark::State &st, const hp_variant *, hp_input &in) {
                st.SetItemsProcessed(st.iterations() * int64_t(in.size));
                st.SetBytesProcessed(st.iterations() * int64_t(in.bytes));
            },
            [](const hp_variant *v, std::string *name, std::string *suffix) {
                // "iter_O0" -> "iter" + "/O0"; the unsuffixed Release pair is -O3.
                const char *us = std::strchr(v->name, '_');
                *name = us ? std::string(v->name, us) : std::string(v->name);
                *suffix = us ? std::string("/") + (us + 1) : std::string("/O3");
            });
}
HP_BENCH_MILESTONE(abstraction, register_abstraction);
