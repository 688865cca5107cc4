/* Registry lines of milestone 1 (kernels/basics). */
#include "basics.h"
#include "registry.h"

static uint64_t sum_array_bytes(uint64_t n) { return n * sizeof(int32_t); }

const hp_family hp_fam_basics[] = {
    {"add", "basics", "scalar", "ops", NULL},
    {"multiply", "basics", "scalar", "ops", NULL},
    {"factorial", "basics", "scalar", "ops", NULL},
    {"sum_array", "basics", "scalar", "elements", sum_array_bytes},
};

/* auto is built for the x86-64 baseline, whose SSE2 the vectorizer may
 * use: its file's _auto suffix makes it need SSE2, so that
 * HOTPATH_ISA=scalar leaves no vector code. */
#define BASICS_FAMILY(f)                      \
    HP_V(f, O0, BASELINE, basics_O0, 0),      \
    HP_V(f, scalar, BASELINE, basics_scalar, 0), \
    HP_V(f, auto, AUTO, basics_auto, 0)

const hp_variant hp_reg_basics[] = {
    BASICS_FAMILY(add),
    BASICS_FAMILY(multiply),
    BASICS_FAMILY(factorial),
    BASICS_FAMILY(sum_array),
};

HP_TABLE_COUNTS(basics)
