// Registration helpers shared by the milestone fixtures (bench.h).
#include "bench.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>

namespace hp {

std::map<int, void (*)()> &milestones()
{
    static std::map<int, void (*)()> m;
    return m;
}

Milestone::Milestone(int order, void (*fn)()) { milestones()[order] = fn; }

bool quick()
{
    const char *q = std::getenv("HOTPATH_QUICK");
    return q && *q && std::strcmp(q, "0") != 0;
}

std::vector<int64_t> sizes(int64_t lo, int64_t hi, int64_t mult)
{
    std::vector<int64_t> out;
    if (quick()) {
        out.push_back(lo);
        if (hi != lo)
            out.push_back(hi);
        return out;
    }
    for (int64_t s = lo; s <= hi; s *= mult)
        out.push_back(s);
    if (out.back() != hi)
        out.push_back(hi);
    return out;
}

std::vector<const hp_variant *> variants(const char *family)
{
    std::vector<const hp_variant *> out;
    size_t n;
    const hp_variant *v = hp_all_variants(&n);
    for (size_t i = 0; i < n; i++)
        if (std::strcmp(v[i].family, family) == 0)
            out.push_back(&v[i]);
    return out;
}

void add(const hp_variant *v, const std::vector<int64_t> &sizes, Body body,
         const std::string &suffix, const char *name)
{
    const std::string base = std::string(v->family) + "/" + (name ? name : v->name) + "/";
    const char *why = nullptr;
    if (!hp_all_runnable(v, &why)) {
        std::string reason = why;
        benchmark::RegisterBenchmark(
            (base + std::to_string(sizes.front()) + suffix).c_str(),
            [reason](benchmark::State &st) { st.SkipWithError(reason.c_str()); });
        return;
    }
    const hp_family *fam = hp_find_family(v->family);
    for (int64_t size : sizes) {
        const double touched =
            fam && fam->bytes_touched ? double(fam->bytes_touched(uint64_t(size))) : 0.0;
        benchmark::RegisterBenchmark((base + std::to_string(size) + suffix).c_str(),
                                     [body, size, touched](benchmark::State &st) {
                                         body(st, size);
                                         if (touched > 0)
                                             st.counters["touched"] = touched;
                                     });
    }
}

}  // namespace hp
