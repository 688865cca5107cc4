/* One build of libhotpath_shared.so, loaded into a link namespace of its
 * own (dlmopen LM_ID_NEWLM) so that two builds, whose symbols have the same
 * names, sit side by side in one process, each with its own registry, CPU
 * layer and harnesses (and its own copy of libc, as bench/peers/peers_simd.c
 * does for OpenBLAS). */
#ifndef HOTPATH_COMPARE_BUILD_H
#define HOTPATH_COMPARE_BUILD_H

#include <stddef.h>

#include "harness.h"
#include "hotpath.h"

typedef struct hc_build {
    const char *label; /* "A" or "B" */
    const char *path;
    void *handle;
    /* the registry and harness API, resolved in this build's namespace */
    const hp_variant *(*variants)(size_t *count);
    const hp_variant *(*find)(const char *family, const char *name);
    const hp_family *(*find_family)(const char *name);
    int (*runnable)(const hp_variant *v, const char **why_not);
    const hp_harness *(*harness_find)(const char *family);
    void (*input_free)(hp_input *in);
    void (*layout)(size_t out[4]); /* layout.c, as compiled in the build */
} hc_build;

/* 0, or -1 with the reason in err (no such file, not a hotpath build, a
 * build from before the harness API). */
int hc_build_open(hc_build *b, const char *label, const char *path, char *err, size_t len);
void hc_build_close(hc_build *b);

#endif
