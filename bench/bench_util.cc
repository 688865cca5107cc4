// Registration helpers shared by the milestone fixtures (bench.h).
#include "bench.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <tuple>

#include "milestones.h"

namespace hp {

namespace {

std::map<std::string, void (*)()> &registered()
{
    static std::map<std::string, void (*)()> m;
    return m;
}

}  // namespace

Milestone::Milestone(const char *milestone, void (*fn)()) { registered()[milestone] = fn; }

std::vector<void (*)()> milestones()
{
    std::vector<void (*)()> out;
#define ONE(m)                                      \
    if (registered().count(#m))                     \
        out.push_back(registered()[#m]);
    HP_MILESTONES(ONE)
#undef ONE
    // Fixtures outside the journey (bench_ceilings.cc's "ceilings") after it.
    for (const auto &r : registered()) {
        bool listed = false;
#define IS(m) listed |= r.first == #m;
        HP_MILESTONES(IS)
#undef IS
        if (!listed)
            out.push_back(r.second);
    }
    return out;
}

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

std::vector<int64_t> sizes(const hp_harness &h)
{
    const uint64_t *s = quick() ? h.quick_sizes : h.sizes;
    const size_t n = quick() ? h.n_quick_sizes : h.n_sizes;
    return std::vector<int64_t>(s, s + n);
}

std::vector<const char *> families(const char *milestone)
{
    std::vector<const char *> out;
    size_t n;
    const hp_family *f = hp_families(&n);
    for (size_t i = 0; i < n; i++)
        if (std::strcmp(f[i].milestone, milestone) == 0)
            out.push_back(f[i].name);
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

const hp_harness &harness(const char *family)
{
    const hp_harness *h = hp_harness_find(family);
    if (!h) {
        std::fprintf(stderr, "hotpath-bench: family %s has no harness\n", family);
        std::abort();
    }
    return *h;
}

namespace {

struct Freed {
    void operator()(hp_input *in) const
    {
        hp_input_free(in);
        delete in;
    }
};
using Key = std::tuple<std::string, bool, size_t, int64_t>; // family, limit, mode, size
struct Cached {
    Key key;
    std::unique_ptr<hp_input, Freed> in;
};

constexpr uint64_t kCacheBytes = uint64_t(1) << 30;

std::deque<Cached> &cache()
{
    static std::deque<Cached> c;
    return c;
}

uint64_t held(const hp_input &in)
{
    uint64_t b = 0;
    for (size_t l : in.buf_len)
        b += l;
    return b;
}

}  // namespace

hp_input *input(benchmark::State &st, const hp_harness &h, int64_t size, size_t mode, bool limit)
{
    auto &c = cache();
    const Key key{h.family, limit, mode, size};
    for (Cached &e : c)
        if (e.key == key)
            return e.in.get();
    // Another family's inputs are not needed again: its benchmarks ran.
    if (!c.empty() && std::get<0>(c.front().key) != h.family)
        c.clear();
    std::unique_ptr<hp_input, Freed> in(new hp_input());
    char err[256] = "";
    const int rc = limit ? hp_limit_prepare(&h, in.get(), uint64_t(size), err, sizeof err)
                         : hp_harness_prepare(&h, in.get(), uint64_t(size), mode, err, sizeof err);
    if (rc != 0) {
        st.SkipWithError(err);
        return nullptr;
    }
    uint64_t total = held(*in);
    for (const Cached &e : c)
        total += held(*e.in);
    while (!c.empty() && total > kCacheBytes) {
        total -= held(*c.front().in);
        c.pop_front();
    }
    c.push_back(Cached{key, std::move(in)});
    return c.back().in.get();
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

void add_family(const char *family, Report report, Naming naming, Loop loop)
{
    const hp_harness &h = harness(family);
    const std::vector<int64_t> sz = sizes(h);
    for (const hp_variant *v : variants(family)) {
        const bool limit = v->stage == HP_STAGE_LIMIT;
        const RunFn run = limit ? hp_limit_run : h.run;
        const void *fn = v->fn;
        std::string name = v->name, suffix;
        if (naming)
            naming(v, &name, &suffix);
        for (size_t mode = 0; mode < std::max<size_t>(h.n_modes, 1); mode++) {
            const std::string mode_suffix = h.n_modes ? std::string("/") + h.modes[mode] : "";
            add(v, sz,
                [&h, v, run, fn, mode, limit, report, loop](benchmark::State &st, int64_t size) {
                    hp_input *in = input(st, h, size, mode, limit);
                    if (!in)
                        return;
                    if (loop)
                        loop(st, run, fn, in);
                    else
                        run_batch(st, run, fn, in);
                    report(st, v, *in);
                },
                suffix + mode_suffix, name.c_str());
        }
    }
}

}  // namespace hp
