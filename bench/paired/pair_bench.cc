// Paired comparisons as Google Benchmark benchmarks (pair_bench.h).
#include "pair_bench.h"

#include <regex.h>

#include <cinttypes>
#include <cstdio>
#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "../bench.h"
#include "calibration.h"
#include "pair_stats.h"

namespace hp {

namespace {

// One comparison's rounds, kept for the JSON.
struct Record {
    std::string family, a, b, mode;
    uint64_t size = 0, batch_a = 0, batch_b = 0;
    uint32_t subs_a = 0, subs_b = 0;
    int process = 1, repeat = 1;
    size_t offset = 0;
    std::vector<double> ns_a, ns_b, ratio;
};

std::mutex records_mu;
std::map<std::string, Record> &records()
{
    static std::map<std::string, Record> r;
    return r;
}

// The families the engine can drive: every family's harness (make
// calibrate: the calibration family's alone).
std::vector<const hp_harness *> harnesses(bool calibration_only)
{
    std::vector<const hp_harness *> out;
    size_t n;
    const hp_harness *h = hp_harnesses(&n);
    for (size_t i = 0; i < n; i++)
        if (!calibration_only || std::strcmp(h[i].family, "calibration") == 0)
            out.push_back(&h[i]);
    return out;
}

// One side's input: a limit variant (memcpy-shaped, stage limit) copies the
// family's limit bytes through hp_limit_run; any other variant has the
// family's signature and runs through the harness, in `mode`.
struct LimitCall {
    const void *fn;
    hp_input *in;
};

uint64_t limit_call(void *ctx, uint64_t iters)
{
    const LimitCall *c = static_cast<const LimitCall *>(ctx);
    return hp_limit_run(c->fn, c->in, iters);
}

int prepare_side(const hp_harness *h, const hp_variant *v, hp_input *in, uint64_t size,
                 size_t mode, char *err, size_t len)
{
    return v->stage == HP_STAGE_LIMIT ? hp_limit_prepare(h, in, size, err, len)
                                      : hp_harness_prepare(h, in, size, mode, err, len);
}

hp_pair_side make_side(const hp_harness *h, const hp_variant *v, hp_input *in, LimitCall *lc)
{
    if (v->stage != HP_STAGE_LIMIT)
        return hp_pair_side{h, v->fn, in, nullptr, nullptr};
    *lc = LimitCall{v->fn, in};
    return hp_pair_side{nullptr, nullptr, nullptr, limit_call, lc};
}

double median(std::vector<double> v)
{
    return hp_pair_median(v.data(), v.size());
}

void run_pair(benchmark::State &st, const std::string &name, const hp_harness *h,
              const hp_variant *va, const hp_variant *vb, uint64_t size, size_t mode,
              int repeat, const PairConfig &cfg)
{
    // The process's offset, down to what the family's element type allows.
    const size_t align = h->offset_align ? h->offset_align : 1;
    hp_input ia{}, ib{};
    ia.offset = ib.offset = cfg.offset - cfg.offset % align;
    char err[256];
    if (prepare_side(h, va, &ia, size, mode, err, sizeof err) ||
        prepare_side(h, vb, &ib, size, mode, err, sizeof err)) {
        hp_input_free(&ia);
        hp_input_free(&ib);
        st.SkipWithError(err);
        return;
    }
    LimitCall la, lb;
    const hp_pair_side sa = make_side(h, va, &ia, &la);
    const hp_pair_side sb = make_side(h, vb, &ib, &lb);
    hp_pair_rounds r{};
    int rc = 0;
    for (auto _ : st) {
        rc = hp_pair_measure(&sa, &sb, &cfg.opts, &r, err, sizeof err);
        benchmark::DoNotOptimize(r.sink);
        // Google Benchmark's time for this entry: B's median per call.
        st.SetIterationTime(rc ? 0 : median(std::vector<double>(r.ns_b, r.ns_b + r.n)) * 1e-9);
    }
    hp_input_free(&ia);
    hp_input_free(&ib);
    if (rc) {
        hp_pair_rounds_free(&r);
        st.SkipWithError(err);
        return;
    }
    Record rec;
    rec.family = h->family;
    rec.a = va->name;
    rec.b = vb->name;
    rec.size = size;
    rec.mode = h->n_modes ? h->modes[mode] : "";
    rec.batch_a = r.batch_a;
    rec.subs_a = r.subs_a;
    rec.subs_b = r.subs_b;
    rec.batch_b = r.batch_b;
    rec.process = cfg.process;
    rec.repeat = repeat;
    rec.offset = ia.offset;
    rec.ns_a.assign(r.ns_a, r.ns_a + r.n);
    rec.ns_b.assign(r.ns_b, r.ns_b + r.n);
    rec.ratio.assign(r.ratio, r.ratio + r.n);
    // This process's interval over rounds, for the console; hotpath-stats
    // recomputes it over every process from the rounds in the JSON.
    const size_t n = r.n;
    hp_pair_ci ci{};
    hp_pair_ci_median(r.ratio, &n, 1, 0.95, 2000, 1, &ci);
    hp_pair_rounds_free(&r);
    st.counters["ratio"] = ci.est;
    st.counters["ratio_lo"] = ci.lo;
    st.counters["ratio_hi"] = ci.hi;
    st.counters["a_ns"] = median(rec.ns_a);
    st.counters["b_ns"] = median(rec.ns_b);
    st.counters["rounds"] = double(n);
    std::lock_guard<std::mutex> lock(records_mu);
    records()[name] = std::move(rec);
}

// The user's filter on a plain pair name: a POSIX extended regular
// expression, or with a leading '-' one that must not match (Google
// Benchmark's two forms).  Google Benchmark reads it as std::regex
// (ECMAScript), alike for anchors, alternation, groups and classes; POSIX
// here because libstdc++'s regex trips -Wmaybe-uninitialized under ASan.
bool selected(const std::string &name, const std::string &filter)
{
    if (filter.empty() || filter == "all")
        return true;
    const bool negative = filter[0] == '-';
    regex_t re;
    if (regcomp(&re, filter.c_str() + negative, REG_EXTENDED | REG_NOSUB) != 0)
        return true; // Google Benchmark reports the bad expression itself
    const bool match = regexec(&re, name.c_str(), 0, nullptr, 0) == 0;
    regfree(&re);
    return match != negative;
}

void add_pair(const hp_harness *h, const hp_variant *va, const hp_variant *vb,
              const std::vector<uint64_t> &sizes, const PairConfig &cfg, int repeats = 1)
{
    const std::string base =
        std::string("pair/") + h->family + "/" + va->name + ":" + vb->name + "/";
    const char *why = nullptr;
    if (!hp_all_runnable(va, &why) || !hp_all_runnable(vb, &why)) {
        const std::string reason = why;
        if (!selected(base + std::to_string(sizes.front()), cfg.filter))
            return;
        benchmark::RegisterBenchmark((base + std::to_string(sizes.front())).c_str(),
                                     [reason](benchmark::State &st) {
                                         st.SkipWithError(reason.c_str());
                                     });
        return;
    }
    for (int k = 1; k <= repeats; k++)
        for (uint64_t size : sizes)
            for (size_t mode = 0; mode < std::max<size_t>(h->n_modes, 1); mode++) {
                const std::string name = base + std::to_string(size) +
                                         (h->n_modes ? std::string("/") + h->modes[mode] : "") +
                                         (k > 1 ? "/rep" + std::to_string(k) : "");
                if (!selected(name, cfg.filter))
                    continue;
                benchmark::RegisterBenchmark(name.c_str(),
                                             [=](benchmark::State &st) {
                                                 run_pair(st, name, h, va, vb, size, mode, k,
                                                          cfg);
                                             })
                    ->Iterations(1)
                    ->Repetitions(1)
                    ->UseManualTime();
            }
}

}  // namespace

std::string gbench_filter(const std::string &user)
{
    // An exclusion ("-X") stays as it is: X tested on a pair name's tail
    // too can only exclude what the plain name did not, e.g. "-manual".
    if (user.empty() || user == "all" || user[0] == '-')
        return user;
    return "^pair/|" + user;
}

void register_pairs(const PairConfig &given)
{
    // make bench-quick is a smoke run: fewer, shorter rounds, and a budget
    // that refuses (visibly) the comparisons of its largest sizes.
    PairConfig cfg = given;
    if (quick()) {
        if (!cfg.opts.rounds)
            cfg.opts.rounds = HP_PAIR_MIN_ROUNDS + 2;
        if (cfg.opts.round_s <= 0)
            cfg.opts.round_s = 0.25e-3;
        if (cfg.opts.budget_s <= 0)
            cfg.opts.budget_s = 0.06;
    }
    for (const hp_harness *h : harnesses(cfg.calibration_only)) {
        const hp_family *fam = hp_find_family(h->family);
        const hp_variant *ref = fam ? hp_all_find(h->family, fam->reference) : nullptr;
        if (!ref)
            continue;
        const bool q = quick() && h->n_quick_sizes;
        const std::vector<uint64_t> sizes(q ? h->quick_sizes : h->sizes,
                                          (q ? h->quick_sizes : h->sizes) +
                                              (q ? h->n_quick_sizes : h->n_sizes));
        if (sizes.empty())
            continue;
        const std::vector<const hp_variant *> all = variants(h->family);
        // The calibration family's A/A: the reference against itself,
        // measuring what "no change" looks like on this machine now.
        const bool calib = std::strcmp(h->family, "calibration") == 0;
        const int reps = calib ? cfg.calibration_repeats : 1;
        if (calib)
            add_pair(h, ref, ref, sizes, cfg, reps);
        for (const hp_variant *v : all) {
            if (v == ref || v->stage >= HP_STAGE_LIBRARY)
                continue;
            add_pair(h, ref, v, sizes, cfg, reps);
            for (const hp_variant *peer : all)
                if (peer->stage >= HP_STAGE_LIBRARY)
                    add_pair(h, peer, v, sizes, cfg);
        }
    }
}

namespace {

void write_array(std::ostream &o, const std::vector<double> &v)
{
    o << '[';
    char buf[32];
    for (size_t i = 0; i < v.size(); i++) {
        std::snprintf(buf, sizeof buf, "%s%.9g", i ? ", " : "", v[i]);
        o << buf;
    }
    o << ']';
}

}  // namespace

std::vector<benchmark::BenchmarkReporter::Run>
pair_names(const std::vector<benchmark::BenchmarkReporter::Run> &runs)
{
    std::vector<benchmark::BenchmarkReporter::Run> out(runs);
    for (auto &r : out)
        if (r.run_name.function_name.compare(0, 5, "pair/") == 0) {
            r.run_name.iterations.clear();
            r.run_name.repetitions.clear();
            r.run_name.time_type.clear();
        }
    return out;
}

void PairJsonReporter::Finalize()
{
    // JSONReporter::Finalize closes the benchmarks array and the object
    // ("\n  ]\n}\n"); this closes the array, adds hp_paired, closes the
    // object.  Names and strings here are ours: no character needs escaping.
    std::ostream &o = GetOutputStream();
    o << "\n  ],\n  \"hp_paired\": [";
    std::lock_guard<std::mutex> lock(records_mu);
    bool first = true;
    for (const auto &kv : records()) {
        const Record &r = kv.second;
        o << (first ? "\n" : ",\n") << "    {\"name\": \"" << kv.first << "\", \"family\": \""
          << r.family << "\", \"a\": \"" << r.a << "\", \"b\": \"" << r.b
          << "\", \"size\": " << r.size << ", \"mode\": \"" << r.mode
          << "\", \"repeat\": " << r.repeat
          << ", \"process\": " << r.process
          << ", \"offset\": " << r.offset << ", \"batch_a\": " << r.batch_a
          << ", \"batch_b\": " << r.batch_b << ", \"subs_a\": " << r.subs_a
          << ", \"subs_b\": " << r.subs_b << ",\n     \"ns_a\": ";
        write_array(o, r.ns_a);
        o << ",\n     \"ns_b\": ";
        write_array(o, r.ns_b);
        o << ",\n     \"ratio\": ";
        write_array(o, r.ratio);
        o << '}';
        first = false;
    }
    o << (first ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace hp
