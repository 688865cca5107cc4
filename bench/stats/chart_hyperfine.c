/* hyperfine: whole programs (hyperfine.tsv), one bar per command grouped
 * by comparison, the first group on top: median wall time with its 95%
 * interval and the ratio to the group's first command.
 * Columns: y median lo hi group label text. */
#include "charts.h"

#include <math.h>
#include <string.h>

void hs_chart_hyperfine(FILE *out, FILE *rows, const hs_charts *c)
{
    const hs_table *t = &c->hyperfine;
    const int nm = hs_table_col(t, "name"), cm = hs_table_col(t, "command"),
              md = hs_table_col(t, "median_s"), lo = hs_table_col(t, "median_lo"),
              hi = hs_table_col(t, "median_hi"), ra = hs_table_col(t, "ratio");
    const size_t n = t->nrows;
    const char *gname[n + 1], *first[n + 1];
    size_t ng = 0;
    double max = 0;
    for (size_t k = 0; k < n; k++) {
        size_t g = 0;
        while (g < ng && strcmp(gname[g], hs_cell(t, k, nm)) != 0)
            g++;
        if (g == ng) {
            gname[ng] = hs_cell(t, k, nm);
            first[ng++] = hs_cell(t, k, cm);
        }
        const double m = hs_cnum(hs_cell(t, k, md));
        if (m > max)
            max = m;
    }
    const char *unit = max >= 1 ? "s" : "ms";
    const double s = max >= 1 ? 1 : 1000;
    hs_meta_s(out, "unit", unit);
    double xmin = NAN, xmax = 0;
    size_t y = 0;
    fputs("y\tmedian\tlo\thi\tgroup\tlabel\ttext\n", rows);
    for (size_t g = ng; g-- > 0;) { /* the first group on top */
        for (size_t k = n; k-- > 0;) {
            if (strcmp(hs_cell(t, k, nm), gname[g]) != 0)
                continue;
            const double m = hs_cnum(hs_cell(t, k, md));
            const double l = isnan(hs_cnum(hs_cell(t, k, lo))) ? m : hs_cnum(hs_cell(t, k, lo));
            const double h = isnan(hs_cnum(hs_cell(t, k, hi))) ? m : hs_cnum(hs_cell(t, k, hi));
            char ratio[32] = "the reference";
            if (strcmp(hs_cell(t, k, cm), first[g]) != 0)
                hs_fmt_ratio(ratio, sizeof ratio, hs_cnum(hs_cell(t, k, ra)));
            fprintf(rows, "%zu\t%.6g\t%.6g\t%.6g\t%zu\t%s: %s\t%.3g %s, %s\n", y, m * s, l * s,
                    h * s, g + 1, gname[g], hs_cell(t, k, cm), m * s, unit, ratio);
            if (isnan(xmin) || l * s < xmin)
                xmin = l * s;
            if (h * s > xmax)
                xmax = h * s;
            y++;
        }
        y++; /* a gap between groups */
    }
    hs_meta_n(out, "nrows", (double)y - 1, "%.0f");
    hs_meta_n(out, "xmin", isnan(xmin) ? 0 : xmin, "%.6g");
    hs_meta_n(out, "xmax", xmax, "%.6g");
    hs_meta_n(out, "ngroups", (double)ng, "%.0f");
    char groups[2048] = "";
    for (size_t g = 0; g < ng; g++)
        if (strlen(groups) + strlen(gname[g]) + 2 < sizeof groups)
            strcat(strcat(groups, g ? " " : ""), gname[g]);
    hs_meta_s(out, "groups", groups);
}
