/* What the families' checks share (shims/check_<milestone>.c): failure
 * messages, buffers at a chosen misalignment, the int32 reduction sweep,
 * and each family's check, which its harness (harness_<milestone>.c)
 * names.  Internal to libhotpath. */
#ifndef HOTPATH_CHECK_H
#define HOTPATH_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "hotpath.h"
#include "rng.h"

/* Formats "family/variant: " + text into msg; returns 1 (a failure). */
int hp_check_fail(char *msg, size_t len, const hp_variant *v, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* malloc'd copy of n bytes at a chosen misalignment (0..63) from a 64-byte
 * boundary; free with hp_check_free. */
void *hp_check_alloc(size_t n, size_t misalign);
void hp_check_free(void *p, size_t misalign);

/* For families of the shape int32_t f(const int32_t *a, size_t n): v
 * against ref at every length 0..257, then n_long random lengths from 1000
 * to 71000, each at every int32 alignment within a cache line, on arrays
 * filled by fill (seeded).  Returns 0, or 1 with the first difference. */
int hp_check_i32_lengths(const hp_variant *v, const hp_variant *ref,
                         void (*fill)(hp_rng *rng, int32_t *a, size_t n), size_t n_long,
                         char *msg, size_t len);

/* The checks, one per family shape (hp_harness.check). */
#define HP_CHECK(name) \
    int hp_check_##name(const hp_variant *v, const hp_variant *ref, char *msg, size_t len)
HP_CHECK(binary);
HP_CHECK(factorial);
HP_CHECK(sum_array);
HP_CHECK(abstraction);
HP_CHECK(rdtsc);
HP_CHECK(rdtscp);
HP_CHECK(cpuid);
HP_CHECK(xgetbv);
HP_CHECK(bitop);
HP_CHECK(fence);
HP_CHECK(pause);
HP_CHECK(add_f32);
HP_CHECK(dot_f32);
HP_CHECK(max_f32);
HP_CHECK(strlen);
HP_CHECK(base64_encode);
HP_CHECK(base64_decode);
HP_CHECK(branch_sum);
HP_CHECK(pointer_chase);
HP_CHECK(gather_sum);
HP_CHECK(ilp_imul);
HP_CHECK(ilp_fma);
#undef HP_CHECK

#endif
