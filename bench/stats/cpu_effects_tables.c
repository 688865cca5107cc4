/* Milestone 7's derived figures as tables of the run (docs/tables.md):
 * effects-branch.tsv, effects-latency.tsv, effects-gather.tsv and
 * effects-ilp.tsv, each written when the run has its family. */
#include "cpu_effects.h"

#include <stdlib.h>
#include <string.h>

/* A median, min and max as three table fields ("-" when absent). */
static void tsv3(FILE *out, hs_stat3 s)
{
    if (s.ok)
        fprintf(out, "\t%.6g\t%.6g\t%.6g", s.med, s.lo, s.hi);
    else
        fputs("\t-\t-\t-", out);
}

typedef struct targ {
    const hs_eruns *rs;
    int which;
} targ;

static void fill_effects(FILE *out, const void *p)
{
    const targ *t = p;
    const hs_eruns *rs = t->rs;
    const hs_erun **sel = calloc(rs->n + 1, sizeof *sel);
    if (!sel)
        return;
    size_t n;
    switch (t->which) {
    case 0:
        fputs(
            "variant\tsize\trandom_ns\trandom_min\trandom_max\tsorted_ns\tsorted_min\tsorted_max\t"
            "mispredict_ns\tmispredict_tsc\n",
            out);
        n = hs_effects_select(rs, "branch_sum/", "/random", sel);
        for (size_t i = 0; i < n; i++) {
            const hs_erun *s = hs_effects_sibling(rs, sel[i], "random", "sorted");
            const hs_stat3 r = hs_effects_stat(sel[i], HS_NS_ELEM),
                           so = hs_effects_stat(s, HS_NS_ELEM);
            const hs_stat3 rt = hs_effects_stat(sel[i], HS_TSC_ELEM),
                           st = hs_effects_stat(s, HS_TSC_ELEM);
            fprintf(out, "%s\t%.0f", sel[i]->variant, sel[i]->size);
            tsv3(out, r);
            tsv3(out, so);
            if (r.ok && so.ok)
                fprintf(out, "\t%.6g", (r.med - so.med) / 0.5);
            else
                fputs("\t-", out);
            if (rt.ok && st.ok)
                fprintf(out, "\t%.6g\n", (rt.med - st.med) / 0.5);
            else
                fputs("\t-\n", out);
        }
        break;
    case 1:
        fputs("working_set\tlevel\tns_per_load\tns_min\tns_max\ttsc_per_load\ttsc_min\ttsc_max\n",
              out);
        n = hs_effects_select(rs, "pointer_chase/", NULL, sel);
        for (size_t i = 0; i < n; i++) {
            fprintf(out, "%.0f\t%s", sel[i]->size, hs_effects_level(rs, sel[i]->size));
            tsv3(out, hs_effects_stat(sel[i], HS_NS_LOAD));
            tsv3(out, hs_effects_stat(sel[i], HS_TSC_LOAD));
            fputc('\n', out);
        }
        break;
    case 2:
        fputs("elements\ttouched\tlevel\tseq_ns\tseq_min\tseq_max\trandom_ns\trandom_min\trandom_"
              "max\t"
              "ratio\n",
              out);
        n = hs_effects_select(rs, "gather_sum/", "/seq", sel);
        for (size_t i = 0; i < n; i++) {
            const hs_stat3 q = hs_effects_stat(sel[i], HS_NS_ELEM),
                           r = hs_effects_stat(hs_effects_sibling(rs, sel[i], "seq", "random"),
                                               HS_NS_ELEM);
            fprintf(out, "%.0f\t%.0f\t%s", sel[i]->size, 8 * sel[i]->size,
                    hs_effects_level(rs, 8 * sel[i]->size));
            tsv3(out, q);
            tsv3(out, r);
            if (q.ok && r.ok && q.med > 0)
                fprintf(out, "\t%.6g\n", r.med / q.med);
            else
                fputs("\t-\n", out);
        }
        break;
    default:
        fputs("family\tvariant\tns_per_op\tns_min\tns_max\tops_per_ns\ttsc_per_op\ttsc_min\ttsc_"
              "max\n",
              out);
        for (int f = 0; f < 2; f++) {
            n = hs_effects_select(rs, f ? "ilp_fma/" : "ilp_imul/", NULL, sel);
            for (size_t i = 0; i < n; i++) {
                const hs_stat3 s = hs_effects_stat(sel[i], HS_NS_OP);
                fprintf(out, "%s\t%s", f ? "ilp_fma" : "ilp_imul", sel[i]->variant);
                tsv3(out, s);
                if (s.ok && s.med > 0)
                    fprintf(out, "\t%.6g", 1 / s.med);
                else
                    fputs("\t-", out);
                tsv3(out, hs_effects_stat(sel[i], HS_TSC_OP));
                fputc('\n', out);
            }
        }
    }
    free(sel);
}

int hs_write_cpu_effects(const hs_set *run, const char *dir, char *err, size_t errlen)
{
    static const char *const name[] = {"effects-branch.tsv", "effects-latency.tsv",
                                       "effects-gather.tsv", "effects-ilp.tsv"};
    static const char *const prefix[][2] = {{"branch_sum/", NULL},
                                            {"pointer_chase/", NULL},
                                            {"gather_sum/", NULL},
                                            {"ilp_imul/", "ilp_fma/"}};
    const hs_file *f = NULL;
    for (size_t i = 0; i < run->nf && !f; i++)
        if (run->f[i]->kind == HS_KIND_GBENCH)
            f = run->f[i];
    if (!f)
        return 0;
    hs_eruns rs;
    if (hs_effects_collect(&rs, f->root) != 0) {
        hs_effects_free(&rs);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = 0;
    for (int w = 0; w < 4 && rc == 0; w++) {
        int any = 0;
        for (size_t i = 0; i < rs.n; i++)
            for (int p = 0; p < 2; p++)
                any |=
                    prefix[w][p] && strncmp(rs.r[i].name, prefix[w][p], strlen(prefix[w][p])) == 0;
        char path[4096];
        if (!any)
            continue;
        const targ t = {&rs, w};
        rc = hs_path(path, sizeof path, err, errlen, "%s/%s", dir, name[w]);
        if (rc == 0)
            rc = hs_atomic_write(path, fill_effects, &t, err, errlen);
    }
    hs_effects_free(&rs);
    return rc;
}
