/* hotpath: the kernel registry, the only table that matters.
 *
 * A family fixes one C signature and one reference variant; a variant is one
 * implementation of it at one stage of the C-to-assembly journey.  Tests, the
 * correctness gate and the benchmarks all iterate this table, so adding a
 * variant is one new file plus one registry line. */
#ifndef HOTPATH_H
#define HOTPATH_H

#include <stddef.h>
#include <stdint.h>

/* The HP_FEAT_* bits, the x86-64 levels and the HP_NEEDS_* sets live with
 * the CPU layer that detects them. */
#include "cpu/features.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum hp_stage {
    HP_STAGE_BASELINE = 0, /* naive / scalar / -O0: where the journey starts */
    HP_STAGE_ALGORITHM,    /* a better algorithm, still portable C */
    HP_STAGE_AUTO,         /* plain loop left to the compiler's vectorizer */
    HP_STAGE_SIMD,         /* intrinsics for one ISA */
    HP_STAGE_ASM,          /* hand-written assembly */
    HP_STAGE_LIBRARY,      /* a peer library (glibc, OpenBLAS, OpenSSL) */
    HP_STAGE_LIMIT,        /* a bound such as memcpy of the same bytes */
    HP_STAGE_COUNT
} hp_stage;

typedef struct hp_variant {
    const char *family;   /* "base64_encode" */
    const char *name;     /* "avx2" */
    hp_stage    stage;
    uint64_t    features; /* HP_FEAT_* bits it needs */
    const void *fn;       /* cast to the family's function type */
    const char *source;   /* the file that defines it, from the repository's root */
} hp_variant;

/* A family: its reference variant, the unit of its size argument, and the
 * bytes one call touches (read + written) at a given size, so that a run
 * can say which cache level each benchmark lands in. */
typedef struct hp_family {
    const char *name;
    const char *milestone;  /* folder under kernels/ */
    const char *reference;  /* variant name of the ground truth */
    const char *size_unit;  /* "bytes", "elements" or "ops" */
    uint64_t (*bytes_touched)(uint64_t size); /* NULL: not a memory kernel */
} hp_family;

/* All variants of libhotpath.a, in journey order (milestone, family, stage). */
const hp_variant *hp_variants(size_t *count);
/* NULL if absent. */
const hp_variant *hp_find(const char *family, const char *name);
/* 1 if the variant can run on this CPU at the current HOTPATH_ISA cap;
 * otherwise 0 and, if why_not is not NULL, a static reason. */
int hp_runnable(const hp_variant *v, const char **why_not);
/* The last runnable variant of the family in registry order: each table
 * lists a family's variants so that its preferred fast path comes last
 * among the non-peer ones.  Library and limit variants are never chosen. */
const hp_variant *hp_best(const char *family);

const hp_family *hp_families(size_t *count);
const hp_family *hp_find_family(const char *name);

const char *hp_stage_name(hp_stage s);

/* Family signatures (see DESIGN.md). */
typedef int32_t   (*hp_sum_array_fn)(const int32_t *a, size_t n);
typedef void      (*hp_add_f32_fn)(const float *a, const float *b, float *out, size_t n);
typedef float     (*hp_dot_f32_fn)(const float *a, const float *b, size_t n);
typedef float     (*hp_max_f32_fn)(const float *a, size_t n);
typedef size_t    (*hp_strlen_fn)(const char *s);
typedef size_t    (*hp_base64_encode_fn)(const uint8_t *src, size_t n, char *dst);
typedef ptrdiff_t (*hp_base64_decode_fn)(const char *src, size_t n, uint8_t *dst);

/* Declares hp_<family>_<variant> with its family's type, so the definition
 * that follows it in a kernel file is checked against the signature
 * (the registry declares every variant the same way):
 *     HP_KERNEL(strlen, unroll4);
 *     size_t hp_strlen_unroll4(const char *s) { ... } */
#define HP_KERNEL(fam, var) extern __typeof__(*(hp_##fam##_fn)0) hp_##fam##_##var

#ifdef __cplusplus
}
#endif
#endif
