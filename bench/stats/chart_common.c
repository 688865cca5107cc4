/* What every chart table shares: numbers as the tables write them, the
 * representative size of a family, journey order, units and labels, and
 * the scalar lines ("#s"/"#n") on top of each table. */
#include "charts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double hs_cnum(const char *s)
{
    if (!s || !*s || strcmp(s, "-") == 0 || strcmp(s, "nan") == 0 || strcmp(s, "inf") == 0)
        return NAN;
    char *end;
    const double v = strtod(s, &end);
    return *end == '\0' ? v : NAN;
}

int hs_stage_rank(const char *s)
{
    static const char *const order[] = {"baseline", "algorithm", "auto", "simd",
                                        "asm",      "library",   "limit"};
    for (int i = 0; i < 7; i++)
        if (strcmp(s, order[i]) == 0)
            return i;
    return 7;
}

/* A chart draws one ISA cap: the first its table lists (a make bench-isa
 * table holds several; the isa chart reads them all). */
int hs_first_cap(const hs_crow *r, const char *cap0)
{
    return strcmp(r->cap, cap0) == 0;
}

/* The size that represents a family: the largest whose bytes touched fit
 * L2 (1 MiB when L2 is unknown), else the smallest; the largest when no
 * size says what it touches. */
double hs_pick_size(const hs_charts *c, const double *size, const double *touched, size_t n)
{
    const double lim = c->L2 > 0 ? c->L2 : 1048576;
    double best = NAN, small = NAN, largest = NAN;
    int known = 0;
    for (size_t k = 0; k < n; k++) {
        if (isnan(small) || size[k] < small)
            small = size[k];
        if (isnan(largest) || size[k] > largest)
            largest = size[k];
        if (isnan(touched[k]))
            continue;
        known = 1;
        if (touched[k] <= lim && (isnan(best) || size[k] > best))
            best = size[k];
    }
    return !known ? largest : !isnan(best) ? best : small;
}

void hs_bytes_str(char *dst, size_t len, double b)
{
    if (b >= 1073741824)
        snprintf(dst, len, "%.3g GiB", b / 1073741824);
    else if (b >= 1048576)
        snprintf(dst, len, "%.3g MiB", b / 1048576);
    else if (b >= 1024)
        snprintf(dst, len, "%.3g KiB", b / 1024);
    else
        snprintf(dst, len, "%g B", b);
}

/* "size 16384 (37 KiB touched, in L1)": what a title says of a size. */
void hs_size_desc(char *dst, size_t len, double size, double touched, const char *level)
{
    if (isnan(touched)) {
        snprintf(dst, len, "size %.0f", size);
        return;
    }
    char b[32];
    hs_bytes_str(b, sizeof b, touched);
    const int lv = strcmp(level, "?") != 0 && *level;
    snprintf(dst, len, "size %.0f (%s touched%s%s)", size, b, lv ? ", in " : "", lv ? level : "");
}

/* A time unit that suits max_ns, and the factor from ns to it. */
const char *hs_time_unit(double max_ns, double *scale)
{
    if (max_ns >= 1e9)
        return *scale = 1e-9, "s";
    if (max_ns >= 1e6)
        return *scale = 1e-6, "ms";
    if (max_ns >= 1e3)
        return *scale = 1e-3, "us";
    return *scale = 1, "ns";
}

void hs_fmt_ratio(char *dst, size_t len, double r)
{
    if (isnan(r))
        snprintf(dst, len, "-");
    else
        snprintf(dst, len, r < 10 ? "%.2fx" : r < 100 ? "%.1fx" : "%.0fx", r);
}

void hs_isort(size_t *idx, size_t n, int (*cmp)(size_t, size_t, const void *), const void *arg)
{
    for (size_t i = 1; i < n; i++) {
        const size_t t = idx[i];
        size_t j = i;
        for (; j > 0 && cmp(t, idx[j - 1], arg) < 0; j--)
            idx[j] = idx[j - 1];
        idx[j] = t;
    }
}

int hs_journey_cmp(const hs_crow *a, const hs_crow *b)
{
    const int sa = hs_stage_rank(a->stage), sb = hs_stage_rank(b->stage);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (a->vorder != b->vorder)
        return a->vorder < b->vorder ? -1 : 1;
    return strcmp(a->ext, b->ext);
}

void hs_gp_quote(FILE *out, const char *s)
{
    fputc('\'', out);
    for (; *s; s++) {
        if (*s == '\'')
            fputc('\'', out);
        fputc(*s, out);
    }
    fputc('\'', out);
}

/* A scalar of the chart, above its rows: "#s<TAB>key<TAB>text" or
 * "#n<TAB>key<TAB>number" (gnuplot skips both as comments). */
void hs_meta_s(FILE *out, const char *key, const char *value)
{
    fprintf(out, "#s\t%s\t%s\n", key, value);
}

void hs_meta_n(FILE *out, const char *key, double value, const char *fmt)
{
    fprintf(out, "#n\t%s\t", key);
    if (isnan(value))
        fputs("NaN", out);
    else
        fprintf(out, fmt, value);
    fputc('\n', out);
}

/* log2 tics from lo to hi (bytes or counts) as the gnuplot command the
 * chart evaluates; about ten labels at most (every 2nd or 4th power when
 * the range is wide). */
void hs_log2_tics(FILE *out, double lo, double hi, int isbytes)
{
    double t = 1;
    while (t * 2 <= lo)
        t *= 2;
    int n = 0;
    for (double s = t; s <= hi * 1.01; s *= 2)
        n++;
    const double m = n <= 10 ? 2 : n <= 20 ? 4 : 16;
    fputs("#s\txtics_cmd\tset xtics (", out);
    for (int first = 1; t <= hi * 1.01; t *= m, first = 0) {
        char lab[32];
        if (isbytes)
            hs_bytes_str(lab, sizeof lab, t);
        else
            snprintf(lab, sizeof lab, "%.0f", t);
        fprintf(out, "%s'%s' %.0f", first ? "" : ", ", lab, t);
    }
    fputs(")\n", out);
}
