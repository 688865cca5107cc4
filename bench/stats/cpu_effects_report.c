/* The text report of milestone 7's derived figures (make
 * cpu-effects-report, hotpath-stats --cpu-effects FILE): the format of the
 * Python script it replaced, character for character. */
#include "cpu_effects.h"

#include <stdlib.h>
#include <string.h>

static const char *fmt3(char *dst, size_t len, hs_stat3 s, int digits)
{
    if (!s.ok)
        snprintf(dst, len, "-");
    else
        snprintf(dst, len, "%.*f [%.*f, %.*f]", digits, s.med, digits, s.lo, digits, s.hi);
    return dst;
}

static void report(FILE *out, const hs_eruns *rs, const char *path)
{
    const hs_erun **sel = calloc(rs->n + 1, sizeof *sel);
    if (!sel)
        return;
    size_t reps = 0;
    for (size_t i = 0; i < rs->n; i++)
        if (rs->r[i].reps > reps)
            reps = rs->r[i].reps;
    const char *model = json_string_value(json_object_get(rs->ctx, "hp_cpu_model"));
    fprintf(out,
            "cpu effects: %s (median [min, max] of %zu repetition(s); %s; TSC = time-stamp "
            "counter cycles, constant rate)\n",
            path, reps, model ? model : "?");
    char a[96], b[96], lab[160], cost[96];
    size_t n = hs_effects_select(rs, "branch_sum/", "/random", sel);
    if (n) {
        fputs("\nbranch prediction: branch_sum, bytes in [0,256) > 127, ns per element\n", out);
        fprintf(out, "  %-28s %24s %24s   cost per misprediction\n", "variant/n", "random",
                "sorted");
    }
    for (size_t i = 0; i < n; i++) {
        const hs_erun *s = hs_effects_sibling(rs, sel[i], "random", "sorted");
        const hs_stat3 r = hs_effects_stat(sel[i], HS_NS_ELEM), so = hs_effects_stat(s, HS_NS_ELEM);
        const hs_stat3 rt = hs_effects_stat(sel[i], HS_TSC_ELEM),
                       st = hs_effects_stat(s, HS_TSC_ELEM);
        cost[0] = '\0';
        if (r.ok &&
            so.ok) { /* random data mispredicts about half the branches, sorted almost none */
            int k = snprintf(cost, sizeof cost, "%6.2f ns", (r.med - so.med) / 0.5);
            if (rt.ok && st.ok)
                snprintf(cost + k, sizeof cost - (size_t)k, " = %5.1f TSC cycles",
                         (rt.med - st.med) / 0.5);
        }
        snprintf(lab, sizeof lab, "%s/%.0f", sel[i]->variant, sel[i]->size);
        fprintf(out, "  %-28s %24s %24s   %s\n", lab, fmt3(a, sizeof a, r, 3),
                fmt3(b, sizeof b, so, 3), cost);
    }
    n = hs_effects_select(rs, "pointer_chase/", NULL, sel);
    if (n) {
        fputs("\ncache locality: pointer_chase, one dependent load per cache line\n", out);
        fprintf(out, "  %-12s %-5s %26s %26s\n", "working set", "level", "ns per load",
                "TSC cycles per load");
    }
    for (size_t i = 0; i < n; i++) {
        hs_effects_kib(lab, sizeof lab, sel[i]->size);
        fprintf(out, "  %-12s %-5s %26s %26s\n", lab, hs_effects_level(rs, sel[i]->size),
                fmt3(a, sizeof a, hs_effects_stat(sel[i], HS_NS_LOAD), 2),
                fmt3(b, sizeof b, hs_effects_stat(sel[i], HS_TSC_LOAD), 1));
    }
    n = hs_effects_select(rs, "gather_sum/", "/seq", sel);
    if (n) {
        fputs("\ncache locality: gather_sum, the same array summed in order and shuffled, ns per "
              "element\n",
              out);
        fprintf(out, "  %10s %10s %-5s %24s %24s %7s\n", "elements", "touched", "level",
                "sequential", "random", "ratio");
    }
    for (size_t i = 0; i < n; i++) {
        const hs_stat3 q = hs_effects_stat(sel[i], HS_NS_ELEM),
                       r = hs_effects_stat(hs_effects_sibling(rs, sel[i], "seq", "random"),
                                           HS_NS_ELEM);
        char ratio[32] = "-", tch[32];
        if (q.ok && r.ok && q.med > 0)
            snprintf(ratio, sizeof ratio, "%6.1fx", r.med / q.med);
        hs_effects_kib(tch, sizeof tch, 8 * sel[i]->size);
        fprintf(out, "  %10.0f %10s %-5s %24s %24s %7s\n", sel[i]->size, tch,
                hs_effects_level(rs, 8 * sel[i]->size), fmt3(a, sizeof a, q, 3),
                fmt3(b, sizeof b, r, 3), ratio);
    }
    static const char *const ilp[] = {"ilp_imul", "ilp_fma"};
    for (int f = 0; f < 2; f++) {
        char prefix[32];
        snprintf(prefix, sizeof prefix, "%s/", ilp[f]);
        n = hs_effects_select(rs, prefix, NULL, sel);
        if (!n)
            continue;
        fprintf(out, "\ninstruction-level parallelism: %s, 8 chains, K in flight\n", ilp[f]);
        fprintf(out, "  %-10s %26s %10s %26s\n", "variant", "ns per op", "ops per ns",
                "TSC cycles per op");
        for (size_t i = 0; i < n; i++) {
            const hs_stat3 s = hs_effects_stat(sel[i], HS_NS_OP);
            char ops[32] = "-";
            if (s.ok && s.med > 0)
                snprintf(ops, sizeof ops, "%.2f", 1 / s.med);
            fprintf(out, "  %-10s %26s %10s %26s\n", sel[i]->variant, fmt3(a, sizeof a, s, 3), ops,
                    fmt3(b, sizeof b, hs_effects_stat(sel[i], HS_TSC_OP), 2));
        }
    }
    free(sel);
}

int hs_cpu_effects_report(FILE *out, const char *path, char *err, size_t errlen)
{
    hs_set set = {0};
    if (hs_read_file(&set, path, err, errlen) != 0) {
        hs_set_free(&set);
        return -1;
    }
    hs_eruns rs;
    int rc = 0;
    if (set.nf && set.f[0]->kind == HS_KIND_GBENCH) {
        if (hs_effects_collect(&rs, set.f[0]->root) != 0) {
            snprintf(err, errlen, "out of memory");
            rc = -1;
        } else if (rs.n) {
            report(out, &rs, path);
        }
        hs_effects_free(&rs);
    }
    hs_set_free(&set);
    return rc;
}
