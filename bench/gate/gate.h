/* The correctness gate: every selected variant against its family's
 * reference on fixed vectors and seeded random inputs, before anything is
 * timed.  Shared by hotpath-bench, hotpath-run and the tests. */
#ifndef HOTPATH_GATE_H
#define HOTPATH_GATE_H

#include "hotpath.h"
#include "rng.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A family's check: 0 when v agrees with ref everywhere it looked;
 * otherwise non-zero with the first difference described in msg
 * ("length 17, offset 3: got 0x41, want 0x42"). */
typedef int (*hp_check_fn)(const hp_variant *v, const hp_variant *ref, char *msg, size_t len);

typedef struct hp_check {
    const char *family;
    hp_check_fn run;
} hp_check;

/* Each milestone's bench/gate/gate_<m>.c defines these. */
#define HP_GATE_TABLE(m)                      \
    extern const hp_check hp_checks_##m[];    \
    extern const size_t hp_checks_##m##_n;
#define HP_GATE_COUNT(m) \
    const size_t hp_checks_##m##_n = sizeof hp_checks_##m / sizeof hp_checks_##m[0];

/* Check one variant against its family's reference.  0 on success; non-zero
 * with msg filled when it differs, when its family has no check, or when
 * the reference itself cannot run. */
int hp_gate_check(const hp_variant *v, char *msg, size_t len);

/* Check every runnable variant (registry and peers) whose
 * "family/variant" contains filter (NULL or "" for all), reporting each
 * line on out.  Returns the number of failures. */
int hp_gate_run(FILE *out, const char *filter);

/* Variants of libhotpath.a followed by the bench-side peers (library and
 * limit stages), as one list; hp_all_find searches both. */
const hp_variant *hp_all_variants(size_t *count);
const hp_variant *hp_all_find(const char *family, const char *name);
/* hp_runnable for the joined list: a peer that loads at run time (an
 * OpenBLAS copy) may also be missing, with its reason. */
int hp_all_runnable(const hp_variant *v, const char **why_not);

/* Common check helpers. */
/* Formats "family/variant: " + text into msg; returns 1 (a failure). */
int hp_gate_fail(char *msg, size_t len, const hp_variant *v, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* malloc'd copy of n bytes at a chosen misalignment (0..63) from a 64-byte
 * boundary; free with hp_gate_free. */
void *hp_gate_alloc(size_t n, size_t misalign);
void hp_gate_free(void *p, size_t misalign);

/* For families of the shape int32_t f(const int32_t *a, size_t n): v
 * against ref at every length 0..257, then n_long random lengths from 1000
 * to 71000, each at every int32 alignment within a cache line, on arrays
 * filled by fill (seeded).  Returns 0, or 1 with the first difference. */
int hp_gate_i32_lengths(const hp_variant *v, const hp_variant *ref,
                        void (*fill)(hp_rng *rng, int32_t *a, size_t n), size_t n_long,
                        char *msg, size_t len);

#ifdef __cplusplus
}
#endif
#endif
