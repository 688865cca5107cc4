/* Numbers for people: criterion's units and its five significant digits. */
#include "stats.h"

#include <math.h>

static const char *scaled(char *buf, size_t len, double v, const char *const *units,
                          int nunits, double step)
{
    int u = 0;
    while (u + 1 < nunits && fabs(v) >= step) {
        v /= step;
        u++;
    }
    const double a = fabs(v);
    const int prec = a < 10 ? 4 : a < 100 ? 3 : a < 1000 ? 2 : 1;
    snprintf(buf, len, "%.*f %s", prec, v, units[u]);
    return buf;
}

const char *hs_fmt_time(char *buf, size_t len, double ns)
{
    static const char *const units[] = {"ps", "ns", "µs", "ms", "s"};
    if (isnan(ns))
        return "-";
    if (ns == 0)
        return "0 ns";
    if (fabs(ns) < 1)
        return scaled(buf, len, ns * 1e3, units, 1, 1000);
    return scaled(buf, len, ns, units + 1, 4, 1000);
}

const char *hs_fmt_thrpt(char *buf, size_t len, double per_ns, int unit)
{
    static const char *const bytes[] = {"B/s", "KB/s", "MB/s", "GB/s", "TB/s"};
    static const char *const items[] = {"item/s", "Kitem/s", "Mitem/s", "Gitem/s", "Titem/s"};
    if (isnan(per_ns) || unit == HS_THRPT_NONE)
        return "-";
    return scaled(buf, len, per_ns * 1e9, unit == HS_THRPT_BYTES ? bytes : items, 5, 1000);
}

const char *hs_fmt_num(char *buf, size_t len, double v, const char *fmt)
{
    if (isnan(v) || isinf(v))
        return "-";
    snprintf(buf, len, fmt, v);
    return buf;
}

const char *hs_src_text(int src)
{
    switch (src) {
    case HS_SRC_PAIRED:
        return "paired";
    case HS_SRC_MEDIANS:
        return "medians";
    case HS_SRC_SELF:
        return "self";
    default:
        return "-";
    }
}
