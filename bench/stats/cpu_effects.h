/* Milestone 7's derived figures, shared by the report and the tables
 * (cpu_effects*.c): the milestone 7 runs of a file, their per-repetition
 * counters, and the median with [min, max] over the repetitions. */
#ifndef HOTPATH_CPU_EFFECTS_H
#define HOTPATH_CPU_EFFECTS_H

#include "stats.h"

enum { HS_NS_ELEM, HS_TSC_ELEM, HS_NS_LOAD, HS_TSC_LOAD, HS_NS_OP, HS_TSC_OP, HS_NCOUNTERS };

typedef struct hs_erun {
    const char *name; /* run_name (owned by the JSON) */
    char *variant, *extra;
    double size;
    double *v[HS_NCOUNTERS];
    size_t n[HS_NCOUNTERS], reps;
} hs_erun;

typedef struct hs_eruns {
    hs_erun *r;
    size_t n;
    json_t *ctx;
} hs_eruns;

typedef struct hs_stat3 {
    int ok;
    double med, lo, hi;
} hs_stat3;

int hs_effects_collect(hs_eruns *rs, json_t *root); /* 0, or -1 when out of memory */
void hs_effects_free(hs_eruns *rs);
hs_stat3 hs_effects_stat(const hs_erun *r, int counter);
/* The runs under prefix (family/) ending in suffix (or any), by variant,
 * then size, then name; out holds rs->n entries. */
size_t hs_effects_select(const hs_eruns *rs, const char *prefix, const char *suffix,
                         const hs_erun **out);
/* The run named like r with its last part `from` replaced by `to`. */
const hs_erun *hs_effects_sibling(const hs_eruns *rs, const hs_erun *r, const char *from,
                                  const char *to);
/* The smallest cache level (L1d, L2, L3, DRAM; ? unknown) holding bytes. */
const char *hs_effects_level(const hs_eruns *rs, double bytes);
void hs_effects_kib(char *dst, size_t len, double b);

#endif
