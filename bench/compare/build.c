/* Loading a build (build.h). */
#include "build.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* dlsym into a function pointer: POSIX guarantees the conversion works on
 * the systems with dlsym, ISO C does not state it, hence the memcpy. */
static int sym(hc_build *b, const char *name, void *dst, char *err, size_t len)
{
    void *p = dlsym(b->handle, name);
    if (!p) {
        snprintf(err, len, "build %s (%s) lacks %s: not a libhotpath_shared.so with the "
                 "harness API (shims/harness.h)", b->label, b->path, name);
        return -1;
    }
    memcpy(dst, &p, sizeof p);
    return 0;
}

int hc_build_open(hc_build *b, const char *label, const char *path, char *err, size_t len)
{
    memset(b, 0, sizeof *b);
    b->label = label;
    b->path = path;
    /* a path with a '/' is opened as given, never searched for */
    if (!strchr(path, '/')) {
        snprintf(err, len, "build %s: give the shared object as a path (./%s), not a bare name",
                 label, path);
        return -1;
    }
    b->handle = dlmopen(LM_ID_NEWLM, path, RTLD_NOW | RTLD_LOCAL);
    if (!b->handle) {
        snprintf(err, len, "build %s: cannot load %s: %s", label, path, dlerror());
        return -1;
    }
    if (sym(b, "hp_variants", &b->variants, err, len) ||
        sym(b, "hp_find", &b->find, err, len) ||
        sym(b, "hp_find_family", &b->find_family, err, len) ||
        sym(b, "hp_runnable", &b->runnable, err, len) ||
        sym(b, "hp_harness_find", &b->harness_find, err, len) ||
        sym(b, "hp_input_free", &b->input_free, err, len) ||
        sym(b, "hp_compare_layout", &b->layout, err, len)) {
        hc_build_close(b);
        return -1;
    }
    size_t got[4];
    const size_t want[4] = {sizeof(hp_variant), sizeof(hp_family), sizeof(hp_harness),
                            sizeof(hp_input)};
    static const char *const what[4] = {"hp_variant", "hp_family", "hp_harness", "hp_input"};
    b->layout(got);
    for (int i = 0; i < 4; i++)
        if (got[i] != want[i]) {
            snprintf(err, len, "build %s (%s) has a %s of %zu bytes, this hotpath-compare %zu: "
                     "the two trees' shims/hotpath.h or harness.h differ; run the "
                     "hotpath-compare of a tree with the same layout", label, path, what[i],
                     got[i], want[i]);
            hc_build_close(b);
            return -1;
        }
    return 0;
}

void hc_build_close(hc_build *b)
{
    if (b->handle)
        dlclose(b->handle);
    b->handle = NULL;
}
