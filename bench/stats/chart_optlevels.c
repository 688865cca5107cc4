/* optlevels: milestone 1's sum_array (O0, scalar = -O3 without the
 * vectorizer, auto) and milestone 2's iterator-vs-manual pairs at -O0,
 * -O1, -Os, -O2, -O3 (and the fused iterator where the run has it); one
 * panel (a block of rows x value lo hi series) per family at its
 * representative size, scalars fam_<p>, desc_<p>, xt_<p>, kind_<p>,
 * unit_<p>, ymin_<p>, ymax_<p>, and for pairs series_<p> (the series
 * drawn, left to right) and boxw_<p>. */
#include "charts.h"

#include <math.h>
#include <string.h>

static int level_rank(const char *e)
{
    static const char *const lv[] = {"O0", "O1", "Os", "O2", "O3"};
    for (int i = 0; i < 5; i++)
        if (strcmp(e, lv[i]) == 0)
            return i;
    return 5;
}

/* Milestone 1's variants and how kernels/basics builds them. */
static const char *m1_label(const char *v)
{
    return strcmp(v, "O0") == 0       ? "O0\\n-O0"
           : strcmp(v, "scalar") == 0 ? "scalar\\n-O3, not\\nvectorized"
           : strcmp(v, "auto") == 0   ? "auto\\n-O3"
                                      : v;
}

void hs_chart_optlevels(FILE *out, FILE *rows, const hs_charts *c, const hs_fam *const *fams,
                        size_t nf)
{
    const char *cap0 = nf && fams[0]->n ? fams[0]->r[0].cap : "";
    hs_meta_n(out, "npanels", (double)nf, "%.0f");
    const char *unit = "";
    for (size_t p = 0; p < nf; p++) {
        const hs_fam *f = fams[p];
        const hs_crow *r = f->r;
        double sz[f->n + 1], tch[f->n + 1];
        size_t m = 0;
        int pairs = 1, fused = 0;
        for (size_t k = 0; k < f->n; k++)
            if (hs_first_cap(&r[k], cap0)) {
                sz[m] = r[k].size;
                tch[m++] = r[k].touched;
                if (strcmp(r[k].ext, "-") == 0)
                    pairs = 0;
                fused |= strcmp(r[k].var, "fused") == 0;
            }
        /* series 1 iter, 2 manual, 4 fused (between them), 3 sum_array's */
        const double off1 = fused ? 0.27 : 0.2;
        const double size = hs_pick_size(c, sz, tch, m);
        char desc[160] = "", xt[1024] = "", seen[512] = " ";
        double ymin = NAN, ymax = 0;
        fputs("x\tvalue\tlo\thi\tseries\n", rows);
        for (size_t k = 0; k < f->n; k++) {
            const hs_crow *b = &r[k];
            if (!hs_first_cap(b, cap0) || b->size != size || isnan(b->thr))
                continue;
            if (!*desc) {
                char by[32] = "";
                if (!isnan(b->touched))
                    hs_bytes_str(by, sizeof by, b->touched);
                const int lv = strcmp(b->lvl, "?") != 0;
                snprintf(desc, sizeof desc, "size %.0f%s%s%s%s%s", size, *by ? " (" : "", by,
                         *by && lv ? ", " : "", *by && lv ? b->lvl : "", *by ? ")" : "");
            }
            unit = b->unit;
            int x, s;
            const char *key = pairs ? b->ext : b->var;
            char mark[80];
            snprintf(mark, sizeof mark, " %s ", key);
            const int fresh = !strstr(seen, mark);
            if (fresh && strlen(seen) + strlen(key) + 2 < sizeof seen)
                strcat(strcat(seen, key), " ");
            char tic[160] = "";
            if (pairs) { /* x = the level, series = iter / manual */
                x = level_rank(b->ext);
                s = strcmp(b->var, "iter") == 0 ? 1 : strcmp(b->var, "fused") == 0 ? 4 : 2;
                snprintf(tic, sizeof tic, "'-%s' %d", b->ext, x);
            } else { /* x = the variant (O0, scalar, auto), one series */
                x = strcmp(b->var, "O0") == 0       ? 0
                    : strcmp(b->var, "scalar") == 0 ? 1
                    : strcmp(b->var, "auto") == 0   ? 2
                                                    : 3;
                s = 3;
                snprintf(tic, sizeof tic, "\"%s\" %d", m1_label(b->var), x);
            }
            if (fresh && strlen(xt) + strlen(tic) + 3 < sizeof xt)
                strcat(strcat(xt, *xt ? ", " : ""), tic);
            const double lo = isnan(b->tlo) ? b->thr : b->tlo;
            const double hi = isnan(b->thi) ? b->thr : b->thi;
            if (isnan(ymin) || lo < ymin)
                ymin = lo;
            if (hi > ymax)
                ymax = hi;
            const double dx = s == 1 ? -off1 : s == 2 ? off1 : 0; /* fused (4) in the middle */
            fprintf(rows, "%.2f\t%.6g\t%.6g\t%.6g\t%d\n", x + dx, b->thr, lo, hi, s);
        }
        fputs("\n\n", rows);
        char key[32], cmd[1100];
        snprintf(key, sizeof key, "fam_%zu", p + 1);
        hs_meta_s(out, key, f->name);
        snprintf(key, sizeof key, "desc_%zu", p + 1);
        hs_meta_s(out, key, desc);
        snprintf(key, sizeof key, "xt_%zu", p + 1);
        snprintf(cmd, sizeof cmd, "set xtics (%s)", xt);
        hs_meta_s(out, key, cmd);
        snprintf(key, sizeof key, "kind_%zu", p + 1);
        hs_meta_s(out, key, pairs ? "pairs" : "variants");
        snprintf(key, sizeof key, "unit_%zu", p + 1);
        hs_meta_s(out, key, unit);
        snprintf(key, sizeof key, "ymin_%zu", p + 1);
        hs_meta_n(out, key, isnan(ymin) ? 0 : ymin, "%.6g");
        snprintf(key, sizeof key, "ymax_%zu", p + 1);
        hs_meta_n(out, key, ymax, "%.6g");
        snprintf(key, sizeof key, "series_%zu", p + 1);
        hs_meta_s(out, key, !pairs ? "3" : fused ? "1 4 2" : "1 2");
        snprintf(key, sizeof key, "boxw_%zu", p + 1);
        hs_meta_n(out, key, fused ? 0.26 : 0.38, "%.2f");
    }
}
