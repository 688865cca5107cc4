// The machine context: what a reader needs to trust or reproduce a run.
#include "context.h"

#include "bench.h"

#include <benchmark/benchmark.h>
#include <linux/perf_event.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "cpu/cache.h"
#include "cpu/clock.h"
#include "cpu/cpu.h"
#include "gate.h"

namespace hp {

static std::string run(const char *cmd)
{
    std::string s;
    if (FILE *p = popen(cmd, "r")) {
        char buf[256];
        while (std::fgets(buf, sizeof buf, p))
            s += buf;
        pclose(p);
    }
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

// Hardware counters are often missing in VMs; opening one tells.
static bool perf_counters_available()
{
    perf_event_attr attr;
    std::memset(&attr, 0, sizeof attr);
    attr.size = sizeof attr;
    attr.type = PERF_TYPE_HARDWARE;
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
    attr.disabled = 1;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    long fd = syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
    if (fd < 0)
        return false;
    close(int(fd));
    return true;
}

static std::string ghz(double x)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", x);
    return buf;
}

// What hotpath-stats needs to know of the registry, so that it reads it
// from the result file and links no kernel (docs/json.md, "Registry"):
//   hp_family.<family>          "order=<i> reference=<variant> size_unit=<unit>"
//   hp_variant.<family>/<name>  "order=<i> stage=<stage>"
//   hp_variants                 the number of hp_variant.* keys
// Orders are positions in the registry (families) and in the joined list
// of registry variants then peers (variants): the journey order.  Bytes
// touched per call are each benchmark's `touched` counter.
static void add_registry()
{
    using benchmark::AddCustomContext;
    size_t n;
    const hp_family *f = hp_families(&n);
    for (size_t i = 0; i < n; i++)
        AddCustomContext(std::string("hp_family.") + f[i].name,
                         "order=" + std::to_string(i) + " reference=" + f[i].reference +
                             " size_unit=" + f[i].size_unit);
    const hp_variant *v = hp_all_variants(&n);
    for (size_t i = 0; i < n; i++)
        AddCustomContext(std::string("hp_variant.") + v[i].family + "/" + v[i].name,
                         "order=" + std::to_string(i) + " stage=" + hp_stage_name(v[i].stage));
    AddCustomContext("hp_variants", std::to_string(n));
}

void add_context()
{
    using benchmark::AddCustomContext;
    const uint64_t f = hp_cpu_features();
    AddCustomContext("hp_cpu_model", hp_cpu_model());
    AddCustomContext("hp_features_detected", hp_cpu_feature_names(hp_cpu_detected()));
    AddCustomContext("hp_features", hp_cpu_feature_names(f));
    AddCustomContext("hp_level", "x86-64-v" + std::to_string(hp_cpu_level(hp_cpu_detected())));
    AddCustomContext("hp_isa_cap", hp_cpu_cap_name());
    AddCustomContext("hp_compiler", HP_CC_VERSION);
    AddCustomContext("hp_build_type", HP_BUILD_TYPE);
    AddCustomContext("hp_flags", HP_C_FLAGS);
    std::string commit = run("git -C '" HP_SOURCE_DIR "' rev-parse --short HEAD 2>/dev/null");
    if (commit.empty())
        commit = "unknown";
    else if (!run("git -C '" HP_SOURCE_DIR "' status --porcelain -uno 2>/dev/null").empty())
        commit += "-dirty";
    AddCustomContext("hp_commit", commit);
    const hp_caches c = hp_cache_sizes();
    AddCustomContext("hp_l1d_bytes", std::to_string(c.l1d));
    AddCustomContext("hp_l2_bytes", std::to_string(c.l2));
    AddCustomContext("hp_l3_bytes", std::to_string(c.l3));
    AddCustomContext("hp_cache_source", c.source);
    AddCustomContext("hp_perf_counters", perf_counters_available() ? "yes" : "no");
    AddCustomContext("hp_quick", quick() ? "yes" : "no");
    add_registry();
    const hp_clock clk = hp_clock_measure(200);
    AddCustomContext("hp_core_ghz_before", ghz(clk.core_ghz));
    AddCustomContext("hp_tsc_ghz", ghz(clk.tsc_ghz));
}

// Google Benchmark writes the context before the first benchmark, so the
// clock after the suite goes into the written file: inserted as the first
// key of "context" in `path` (the temporary file, before its rename).
bool add_context_after(const char *path)
{
    std::string s;
    if (FILE *f = std::fopen(path, "rb")) {
        char buf[65536];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
            s.append(buf, n);
        std::fclose(f);
    } else {
        return false;
    }
    const std::string key = "\"context\": {";
    const size_t at = s.find(key);
    if (at == std::string::npos) { // not Google Benchmark's JSON as we know it: leave it be
        std::fprintf(stderr, "hotpath-bench: no \"context\" object in %s; the core clock after "
                             "the suite is not recorded\n", path);
        return true;
    }
    const std::string ins = "\n    \"hp_core_ghz_after\": \"" +
                            ghz(hp_clock_measure(200).core_ghz) + "\",";
    s.insert(at + key.size(), ins);
    FILE *f = std::fopen(path, "wb");
    if (!f)
        return false;
    bool ok = std::fwrite(s.data(), 1, s.size(), f) == s.size();
    ok &= std::fflush(f) == 0;
    ok &= std::fclose(f) == 0;
    return ok;
}

}  // namespace hp
