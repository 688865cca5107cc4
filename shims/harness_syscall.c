/* Harness of milestone 5 (kernels/syscall): strlen over `size` random
 * non-NUL bytes and the terminator.  The system-call and call costs are
 * not families (shims/reg_syscall.c): bench/bench_syscall.cc times them
 * on their own. */
#include "harness_impl.h"
#include "syscall.h"

static int prep_strlen(hp_input *in, uint64_t n, char *err, size_t len)
{
    char *s = hp_input_alloc(in, 0, n + 1, err, len);
    if (!s)
        return -1;
    hp_rng r = {3};
    hp_rng_fill(&r, s, n);
    for (uint64_t i = 0; i < n; i++)
        if (s[i] == '\0')
            s[i] = 'x';
    in->size = n;
    in->bytes = n + 1;
    return 0;
}

static uint64_t run_strlen(const void *fn, hp_input *in, uint64_t iters)
{
    const hp_strlen_fn f = HP_FN(hp_strlen_fn, fn);
    const char *s = in->buf[0];
    uint64_t sink = 0;
    for (uint64_t i = 0; i < iters; i++) {
        const size_t n = f(s);
        HP_KEEP(n);
        sink += n;
    }
    return sink;
}

static const uint64_t sizes[] = {16, 64, 256, 4096, 64 << 10, 1 << 20};
static const uint64_t quick[] = {16, 1 << 20};

const hp_harness hp_harness_syscall[] = {
    {"strlen", HP_ARRAY(sizes), HP_ARRAY(quick), 1 << 16, prep_strlen, run_strlen,
     hp_check_strlen, NULL, 0, 0, NULL, NULL, 1},
};
HP_HARNESS_COUNT(syscall)
