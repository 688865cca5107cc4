/* branch (milestone 7, branch_sum): nanoseconds per element of each
 * variant on each input (random, sorted) at the family's representative
 * size; bars side by side around the variant's tic.
 * Columns: x value lo hi input label. */
#include "charts.h"

#include <math.h>
#include <string.h>

static int cmp_variant(size_t a, size_t b, const void *p)
{
    const hs_crow *const *v = p;
    const hs_crow x = {.stage = v[a]->stage, .vorder = v[a]->vorder, .ext = "-"};
    const hs_crow y = {.stage = v[b]->stage, .vorder = v[b]->vorder, .ext = "-"};
    return hs_journey_cmp(&x, &y);
}

static int cmp_name(size_t a, size_t b, const void *p)
{
    const char *const *e = p;
    return strcmp(e[a], e[b]);
}

void hs_chart_branch(FILE *out, FILE *rows, const hs_charts *c, const hs_fam *f)
{
    const hs_crow *r = f->r;
    const char *cap0 = f->n ? r[0].cap : "";
    double sz[f->n + 1], tch[f->n + 1];
    size_t m = 0;
    for (size_t k = 0; k < f->n; k++)
        if (hs_first_cap(&r[k], cap0)) {
            sz[m] = r[k].size;
            tch[m++] = r[k].touched;
        }
    const double size = hs_pick_size(c, sz, tch, m);
    const hs_crow *var[f->n + 1];
    const char *ext[f->n + 1];
    size_t nv = 0, ne = 0, vo[f->n + 1], eo[f->n + 1];
    char desc[160] = "";
    for (size_t k = 0; k < f->n; k++) {
        if (!hs_first_cap(&r[k], cap0) || r[k].size != size)
            continue;
        if (!*desc)
            hs_size_desc(desc, sizeof desc, size, r[k].touched, r[k].lvl);
        size_t i = 0;
        while (i < nv && strcmp(var[i]->var, r[k].var) != 0)
            i++;
        if (i == nv)
            var[nv++] = &r[k];
        for (i = 0; i < ne && strcmp(ext[i], r[k].ext) != 0;)
            i++;
        if (i == ne)
            ext[ne++] = r[k].ext;
    }
    for (size_t i = 0; i < nv; i++)
        vo[i] = i;
    for (size_t i = 0; i < ne; i++)
        eo[i] = i;
    hs_isort(vo, nv, cmp_variant, var);
    hs_isort(eo, ne, cmp_name, ext);
    hs_meta_s(out, "family", f->name);
    hs_meta_s(out, "sizedesc", desc);
    hs_meta_n(out, "nvar", (double)nv, "%.0f");
    hs_meta_n(out, "nextra", (double)ne, "%.0f");
    char list[1024] = "";
    for (size_t i = 0; i < ne; i++)
        if (strlen(list) + strlen(ext[eo[i]]) + 2 < sizeof list)
            strcat(strcat(list, i ? " " : ""), ext[eo[i]]);
    hs_meta_s(out, "extras", list);
    fputs("#s\txtics_cmd\tset xtics (", out);
    for (size_t i = 0; i < nv; i++) {
        fputs(i ? ", " : "", out);
        hs_gp_quote(out, var[vo[i]]->var);
        fprintf(out, " %zu", i);
    }
    fputs(")\n", out);
    double ymax = 0;
    fputs("x\tvalue\tlo\thi\tinput\tlabel\n", rows);
    for (size_t k = 0; k < f->n; k++) {
        if (!hs_first_cap(&r[k], cap0) || r[k].size != size)
            continue;
        size_t rank = 0, ei = 0;
        while (strcmp(var[vo[rank]]->var, r[k].var) != 0)
            rank++;
        while (strcmp(ext[eo[ei]], r[k].ext) != 0)
            ei++;
        const double x = (double)rank + ((double)ei + 1 - (double)(ne + 1) / 2) * 0.8 / (double)ne;
        const double y = r[k].med / r[k].size;
        const double lo = isnan(r[k].mlo) ? y : r[k].mlo / r[k].size;
        const double hi = isnan(r[k].mhi) ? y : r[k].mhi / r[k].size;
        if (hi > ymax)
            ymax = hi;
        fprintf(rows, "%.4f\t%.6g\t%.6g\t%.6g\t%zu\t%.2f ns\n", x, y, lo, hi, ei + 1, y);
    }
    hs_meta_n(out, "ymax", ymax, "%.6g");
    hs_meta_n(out, "boxw", ne ? 0.8 / (double)ne : 0.8, "%.4f");
}
