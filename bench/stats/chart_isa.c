/* isa (make bench-isa): per family, the fastest hotpath variant (stages
 * baseline to asm) at each ISA cap, as its speedup over the reference in
 * the same process with its interval; one group of bars per family.
 * Columns: x speedup lo hi cap variant. */
#include "charts.h"

#include <math.h>
#include <string.h>

static int cap_rank(const char *c)
{
    static const char *const caps[] = {"scalar", "sse2", "ssse3", "avx2", "avx512",
                                       "v1",     "v2",   "v3",    "v4"};
    for (int i = 0; i < 9; i++)
        if (strcmp(c, caps[i]) == 0)
            return i;
    return 9;
}

static int cmp_cap(size_t a, size_t b, const void *p)
{
    const char *const *c = p;
    return cap_rank(c[a]) - cap_rank(c[b]);
}

/* Row a beats row b: more throughput, or less time. */
static int faster(const hs_crow *a, const hs_crow *b)
{
    return !isnan(a->thr) && !isnan(b->thr) ? a->thr > b->thr : a->med < b->med;
}

void hs_chart_isa(FILE *out, FILE *rows, const hs_charts *c)
{
    const char *cap[64];
    size_t nc = 0, co[64], crank[64];
    for (size_t i = 0; i < c->nfams; i++)
        for (size_t k = 0; k < c->fams[i].n; k++) {
            const char *cp = c->fams[i].r[k].cap;
            size_t j = 0;
            while (j < nc && strcmp(cap[j], cp) != 0)
                j++;
            if (j == nc && nc < 64)
                cap[nc++] = cp;
        }
    for (size_t i = 0; i < nc; i++)
        co[i] = i;
    hs_isort(co, nc, cmp_cap, cap);
    char caps[512] = "";
    for (size_t i = 0; i < nc; i++) {
        crank[co[i]] = i + 1;
        if (strlen(caps) + strlen(cap[co[i]]) + 2 < sizeof caps)
            strcat(strcat(caps, i ? " " : ""), cap[co[i]]);
    }
    const double w = nc ? 0.8 / (double)nc : 0.8;
    double ymin = NAN, ymax = 0;
    size_t nfo = 0;
    char xt[4096] = "";
    fputs("x\tspeedup\tlo\thi\tcap\tvariant\n", rows);
    for (size_t i = 0; i < c->nfams; i++) {
        const hs_fam *f = &c->fams[i];
        const hs_crow *r = f->r;
        double sz[f->n + 1], tch[f->n + 1];
        size_t m = 0;
        const char *ex = NULL; /* the extra drawn: "-" when any row has none, else the least */
        for (size_t k = 0; k < f->n; k++)
            if (hs_stage_rank(r[k].stage) <= 4) {
                sz[m] = r[k].size;
                tch[m++] = r[k].touched;
                if (!ex || strcmp(r[k].ext, "-") == 0 ||
                    (strcmp(ex, "-") != 0 && strcmp(r[k].ext, ex) < 0))
                    ex = r[k].ext;
            }
        if (m == 0)
            continue;
        const double size = hs_pick_size(c, sz, tch, m);
        const hs_crow *best[64] = {0};
        size_t nb = 0;
        for (size_t k = 0; k < f->n; k++) {
            if (r[k].size != size || strcmp(r[k].ext, ex) != 0 || hs_stage_rank(r[k].stage) > 4 ||
                isnan(r[k].spd))
                continue;
            size_t j = 0;
            while (j < nc && strcmp(cap[j], r[k].cap) != 0)
                j++;
            if (j == nc)
                continue;
            if (!best[j]) {
                nb++;
                best[j] = &r[k];
            } else if (faster(&r[k], best[j])) {
                best[j] = &r[k];
            }
        }
        if (nb < 2) /* measured at one cap only */
            continue;
        nfo++;
        for (size_t j = 0; j < nc; j++) {
            const hs_crow *b = best[j];
            if (!b)
                continue;
            const double x = (double)(nfo - 1) + ((double)crank[j] - (double)(nc + 1) / 2) * w;
            const double lo = isnan(b->slo) ? b->spd : b->slo;
            const double hi = isnan(b->shi) ? b->spd : b->shi;
            if (hi > ymax)
                ymax = hi;
            if (isnan(ymin) || lo < ymin)
                ymin = lo;
            fprintf(rows, "%.4f\t%.6g\t%.6g\t%.6g\t%zu\t%s\n", x, b->spd, lo, hi, crank[j], b->var);
        }
        char tic[400];
        snprintf(tic, sizeof tic, "%s\"%s\\n%s%ssize %.0f\" %zu", *xt ? ", " : "", f->name,
                 strcmp(ex, "-") ? ex : "", strcmp(ex, "-") ? " " : "", size, nfo - 1);
        if (strlen(xt) + strlen(tic) < sizeof xt)
            strcat(xt, tic);
    }
    hs_meta_n(out, "nfam", (double)nfo, "%.0f");
    hs_meta_n(out, "ncap", (double)nc, "%.0f");
    hs_meta_s(out, "caps", caps);
    fprintf(out, "#s\txtics_cmd\tset xtics (%s)\n", xt);
    hs_meta_n(out, "ymin", isnan(ymin) ? 1 : ymin, "%.6g");
    hs_meta_n(out, "ymax", ymax == 0 ? 1 : ymax, "%.6g");
    hs_meta_n(out, "boxw", w, "%.4f");
}
