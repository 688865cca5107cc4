/* Data cache sizes of the running CPU, with where they came from, so a
 * result can say which cache level each benchmark's working set lands in. */
#ifndef HOTPATH_CACHE_H
#define HOTPATH_CACHE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hp_caches {
    uint64_t l1d, l2, l3;  /* bytes per core (L1d, L2) or per package (L3); 0 = unknown */
    const char *source;    /* "sysfs", "sysconf" or "cpuid" */
} hp_caches;

/* Tries sysfs, then cpuid (AMD leaf 0x8000001D, Intel leaf 4), then
 * glibc's sysconf; levels none of them knows stay 0. */
hp_caches hp_cache_sizes(void);
/* One method alone ("sysfs", "cpuid" or "sysconf"); source "none" when it
 * finds no L1d.  For tests that compare the methods. */
hp_caches hp_cache_sizes_by(const char *method);

#ifdef __cplusplus
}
#endif
#endif
