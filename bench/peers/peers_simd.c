/* Peers and limits of milestone 4: OpenBLAS's cblas_sdot and cblas_saxpy
 * with its Haswell (AVX2) and its SkylakeX (AVX-512) kernels, side by side
 * in one run, and memcpy as the bandwidth limit.
 *
 * OpenBLAS reads OPENBLAS_CORETYPE once, when the library initializes, so
 * one process cannot switch kernels with setenv.  dlmopen(LM_ID_NEWLM)
 * loads a second and a third private copy of libopenblas.so.0 (each in its
 * own link namespace, with its own libc copy and its own initialization),
 * each after setting OPENBLAS_CORETYPE explicitly: the environment the
 * user or the Makefile set is not inherited, and is restored afterwards.
 * OPENBLAS_NUM_THREADS=1 for the same reason and because every hotpath
 * kernel is single-threaded: a thread pool would compare cores, not code.
 * A copy whose load fails, or whose OpenBLAS reports another core than
 * asked for, is not runnable and says why (hp_simd_peer_unavailable). */
#include "peers.h"
#include "peers_simd.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* cblas with Debian's 32-bit blasint (libopenblas0, not the 64-bit
 * libopenblas64_0). */
typedef float (*sdot_fn)(int n, const float *x, int incx, const float *y, int incy);
typedef void (*saxpy_fn)(int n, float alpha, const float *x, int incx, float *y, int incy);
typedef const char *(*corename_fn)(void);

typedef struct blas {
    const char *core; /* OPENBLAS_CORETYPE value */
    sdot_fn sdot;
    saxpy_fn saxpy;
    char why_not[256]; /* empty when loaded */
} blas;

static blas haswell = {.core = "Haswell"}, skylakex = {.core = "SkylakeX"};
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void set_or_unset(const char *name, const char *value)
{
    if (value)
        setenv(name, value, 1);
    else
        unsetenv(name);
}

static void load(blas *b)
{
    setenv("OPENBLAS_CORETYPE", b->core, 1);
    setenv("OPENBLAS_NUM_THREADS", "1", 1);
    void *h = dlmopen(LM_ID_NEWLM, "libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(b->why_not, sizeof b->why_not, "dlmopen(libopenblas.so.0) with "
                 "OPENBLAS_CORETYPE=%s failed: %s", b->core, dlerror());
        return;
    }
    sdot_fn sdot = (sdot_fn)dlsym(h, "cblas_sdot");
    saxpy_fn saxpy = (saxpy_fn)dlsym(h, "cblas_saxpy");
    corename_fn corename = (corename_fn)dlsym(h, "openblas_get_corename");
    const char *got = corename ? corename() : NULL;
    if (!sdot || !saxpy || !corename)
        snprintf(b->why_not, sizeof b->why_not,
                 "libopenblas.so.0 lacks cblas_sdot, cblas_saxpy or openblas_get_corename");
    else if (!got || strcasecmp(got, b->core) != 0)
        snprintf(b->why_not, sizeof b->why_not,
                 "OPENBLAS_CORETYPE=%s, but OpenBLAS chose the %s kernels", b->core,
                 got ? got : "(unknown)");
    else {
        b->sdot = sdot;
        b->saxpy = saxpy;
        return;
    }
    dlclose(h);
}

static void load_both(void)
{
    char *core = getenv("OPENBLAS_CORETYPE"), *threads = getenv("OPENBLAS_NUM_THREADS");
    core = core ? strdup(core) : NULL;
    threads = threads ? strdup(threads) : NULL;
    load(&haswell);
    load(&skylakex);
    set_or_unset("OPENBLAS_CORETYPE", core);
    set_or_unset("OPENBLAS_NUM_THREADS", threads);
    free(core);
    free(threads);
}

static blas *loaded(blas *b)
{
    pthread_once(&once, load_both);
    if (b->why_not[0]) {
        /* The gate, the tests and the benchmarks ask first; reaching this
         * is a bug in the caller, not a result. */
        fprintf(stderr, "peers_simd: %s called: %s\n", b->core, b->why_not);
        abort();
    }
    return b;
}

/* cblas_sdot takes an int length: long arrays go in chunks. */
static float dot_with(blas *lib, const float *a, const float *b, size_t n)
{
    blas *l = loaded(lib);
    float s = 0.0f;
    for (size_t i = 0; i < n; i += INT_MAX) {
        const size_t k = n - i < INT_MAX ? n - i : INT_MAX;
        s += l->sdot((int)k, a + i, 1, b + i, 1);
    }
    return s;
}

/* out = a + b as y = 1*x + y: out holds a copy of b (unless it is b, or it
 * is a and then b is added to it), then saxpy adds the other one.  So this
 * times a copy plus an axpy, more than an add; fma(1, x, y) rounds like
 * x + y, so the result is the add's bit for bit. */
static void add_with(blas *lib, const float *a, const float *b, float *out, size_t n)
{
    blas *l = loaded(lib);
    const float *x = a;
    if (out == a)
        x = b;
    else if (out != b)
        memcpy(out, b, n * sizeof *out);
    for (size_t i = 0; i < n; i += INT_MAX) {
        const size_t k = n - i < INT_MAX ? n - i : INT_MAX;
        l->saxpy((int)k, 1.0f, x + i, 1, out + i, 1);
    }
}

static float hp_dot_f32_openblas_haswell(const float *a, const float *b, size_t n)
{
    return dot_with(&haswell, a, b, n);
}

static float hp_dot_f32_openblas_skylakex(const float *a, const float *b, size_t n)
{
    return dot_with(&skylakex, a, b, n);
}

static void hp_add_f32_openblas_haswell(const float *a, const float *b, float *out, size_t n)
{
    add_with(&haswell, a, b, out, n);
}

static void hp_add_f32_openblas_skylakex(const float *a, const float *b, float *out, size_t n)
{
    add_with(&skylakex, a, b, out, n);
}

const char *hp_simd_peer_unavailable(const hp_variant *v)
{
    if (strncmp(v->name, "openblas_", 9) != 0)
        return NULL;
    pthread_once(&once, load_both);
    const blas *b = strcmp(v->name, "openblas_skylakex") == 0 ? &skylakex : &haswell;
    return b->why_not[0] ? b->why_not : NULL;
}

/* The Haswell kernels use AVX2 and FMA, the SkylakeX ones AVX-512F/BW/VL/DQ
 * (and an ISA cap below them must exclude them too). */
#define SRC "bench/peers/peers_simd.c"

const hp_variant hp_peers_simd[] = {
    HP_PEER(add_f32, openblas_haswell, LIBRARY, HP_NEEDS_AVX2, hp_add_f32_openblas_haswell, SRC),
    HP_PEER(add_f32, openblas_skylakex, LIBRARY, HP_NEEDS_AVX512, hp_add_f32_openblas_skylakex,
            SRC),
    HP_PEER(add_f32, memcpy, LIMIT, 0, hp_limit_memcpy, "bench/peers/peers.c"),
    HP_PEER(add_f32, limit_nt, LIMIT, 0, hp_limit_nt_copy, "bench/peers/peers.c"),
    HP_PEER(dot_f32, openblas_haswell, LIBRARY, HP_NEEDS_AVX2, hp_dot_f32_openblas_haswell, SRC),
    HP_PEER(dot_f32, openblas_skylakex, LIBRARY, HP_NEEDS_AVX512, hp_dot_f32_openblas_skylakex,
            SRC),
    HP_PEER(dot_f32, memcpy, LIMIT, 0, hp_limit_memcpy, "bench/peers/peers.c"),
};
HP_PEER_COUNT(simd)
