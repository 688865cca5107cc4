/* The correctness gate: every selected variant against its family's
 * reference (the check of its harness, shims/harness.h) before anything is
 * timed.  Shared by hotpath-bench, hotpath-run and the tests. */
#ifndef HOTPATH_GATE_H
#define HOTPATH_GATE_H

#include "hotpath.h"

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Check one variant against its family's reference.  0 on success; non-zero
 * with msg filled when it differs, when its family has no harness, or when
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

#ifdef __cplusplus
}
#endif
#endif
