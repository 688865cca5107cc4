/* Cycles beside the time: tables/cycles.tsv.  The time-stamp counter and
 * the clocks Google Benchmark reads tick at a constant rate, not the core
 * clock, so each result file carries the core frequency measured before
 * and after the suite (hp_core_ghz_before/after, kernels/cpu/clock.c); a
 * benchmark's cycles are its median time times their mean.  Per unit is per
 * byte, element or op as the family counts its size (size_unit of the
 * file's registry; the ceilings, no registry family, count bytes); per
 * touched byte uses the bytes one call reads and writes. */
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The core clock of one result file in GHz; NaN when it has none. */
double hs_core_ghz(const hs_file *f)
{
    json_t *ctx = json_object_get(f->root, "context");
    double sum = 0;
    int n = 0;
    static const char *const keys[] = {"hp_core_ghz_before", "hp_core_ghz_after"};
    for (int k = 0; k < 2; k++) {
        const char *s = json_string_value(json_object_get(ctx, keys[k]));
        char *end;
        const double v = s ? strtod(s, &end) : NAN;
        if (s && end != s && *end == '\0' && v > 0) {
            sum += v;
            n++;
        }
    }
    return n ? sum / n : NAN;
}

static const char *unit_of(const hs_bench *b)
{
    const hs_family_info *f = hs_find_family(b->file, b->family);
    if (!f || !f->size_unit)
        return strcmp(b->family, "ceiling") == 0 ? "bytes" : "-";
    return f->size_unit;
}

int hs_has_cycles(const hs_set *run)
{
    for (size_t i = 0; i < run->nf; i++)
        if (run->f[i]->kind == HS_KIND_GBENCH && !isnan(hs_core_ghz(run->f[i])))
            return 1;
    return 0;
}

void hs_print_cycles_tsv(FILE *out, const hs_set *run)
{
    fputs("name\tcap\tfamily\tvariant\tsize\tunit\tlevel\ttouched\tmedian_ns\tcore_ghz\tcycles_per_call"
          "\tcycles_per_unit\tcycles_per_touched_byte\n", out);
    for (size_t i = 0; i < run->n; i++) {
        const hs_bench *b = &run->b[i];
        if (b->file->kind != HS_KIND_GBENCH || b->skip || isnan(b->s.median.est))
            continue;
        const double ghz = hs_core_ghz(b->file);
        if (isnan(ghz))
            continue;
        const double cycles = b->s.median.est * ghz;
        char *end;
        const double size = strtod(b->size, &end);
        const int has_size = end != b->size && *end == '\0' && size > 0;
        fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t", b->name, b->cap, b->family, b->variant,
                b->size, unit_of(b), hs_cache_level(b));
        if (!isnan(b->touched))
            fprintf(out, "%.0f\t", b->touched);
        else
            fputs("-\t", out);
        fprintf(out, "%.4f\t%.3f\t%.2f\t", b->s.median.est, ghz, cycles);
        if (has_size)
            fprintf(out, "%.5f\t", cycles / size);
        else
            fputs("-\t", out);
        if (!isnan(b->touched) && b->touched > 0)
            fprintf(out, "%.5f\n", cycles / b->touched);
        else
            fputs("-\n", out);
    }
}
