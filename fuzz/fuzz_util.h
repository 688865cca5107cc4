/* Shared by the libFuzzer targets (fuzz/fuzz_*.c, built by `make fuzz`,
 * mk/60-fuzz.mk): the runnable variants of a family and exact-size copies
 * of inputs, so AddressSanitizer sees every read or write past them. */
#ifndef HOTPATH_FUZZ_UTIL_H
#define HOTPATH_FUZZ_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hotpath.h"

/* The runnable variants of libhotpath for `family` (at most max), the
 * reference first; their count.  Computed once per process. */
static inline size_t fuzz_variants(const char *family, const hp_variant **out, size_t max)
{
    const hp_family *f = hp_find_family(family);
    const hp_variant *ref = f ? hp_find(family, f->reference) : NULL;
    if (!ref || !hp_runnable(ref, NULL)) {
        fprintf(stderr, "fuzz: no runnable reference for %s\n", family);
        abort();
    }
    size_t n, k = 0;
    const hp_variant *v = hp_variants(&n);
    out[k++] = ref;
    for (size_t i = 0; i < n && k < max; i++)
        if (strcmp(v[i].family, family) == 0 && &v[i] != ref && hp_runnable(&v[i], NULL))
            out[k++] = &v[i];
    return k;
}

/* A copy of data[0..n) that ends exactly where its allocation ends, its
 * start misaligned by n % 16 (so SIMD loads meet every alignment); free
 * with fuzz_free(p, n). */
static inline void *fuzz_copy(const void *data, size_t n)
{
    unsigned char *p = malloc(n + n % 16);
    if (!p)
        abort();
    memcpy(p + n % 16, data, n);
    return p + n % 16;
}
static inline void fuzz_free(void *p, size_t n)
{
    free((unsigned char *)p - n % 16);
}

/* An output buffer of exactly n bytes (malloc(0) included: it is not NULL
 * under ASan or glibc, and NULL + 0 would be undefined in a kernel). */
static inline void *fuzz_alloc(size_t n)
{
    void *p = malloc(n);
    if (!p)
        abort();
    return p;
}

/* Reports the first differing byte of two outputs and aborts (a crash is
 * what libFuzzer saves as a reproducer). */
static inline void fuzz_differ(const char *what, const char *variant, const void *got,
                               const void *want, size_t n)
{
    size_t i = 0;
    while (i < n && ((const unsigned char *)got)[i] == ((const unsigned char *)want)[i])
        i++;
    fprintf(stderr, "fuzz: %s: variant %s differs from the reference at byte %zu of %zu\n",
            what, variant, i, n);
    abort();
}

#endif
