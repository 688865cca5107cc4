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

/* Each family from the three builds of basics.inc.  auto is built for the
 * x86-64 baseline, whose SSE2 the vectorizer may use: its file's _auto
 * suffix makes it need SSE2, so that HOTPATH_ISA=scalar leaves no vector
 * code. */
#define BASICS_FAMILY(X, f)                    \
    X(f, O0, BASELINE, basics_O0, 0)           \
    X(f, scalar, BASELINE, basics_scalar, 0)   \
    X(f, auto, AUTO, basics_auto, 0)

#define BASICS(X)                  \
    BASICS_FAMILY(X, add)          \
    BASICS_FAMILY(X, multiply)     \
    BASICS_FAMILY(X, factorial)    \
    BASICS_FAMILY(X, sum_array)

HP_REGISTRY(basics, BASICS)
HP_TABLE_COUNTS(basics)
