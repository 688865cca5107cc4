/* Runners of milestone 5 (kernels/syscall): strlen over a string of
 * `size` non-NUL bytes and its terminator. */
#include "runners.h"

#include "hotpath.h"

static int prep_strlen(hp_run_input *in, size_t n, char *err, size_t len)
{
    char *s = hp_run_alloc(in, 0, n + 1, err, len);
    if (!s)
        return -1;
    for (size_t i = 0; i < n; i++)
        s[i] = (char)('a' + i % 26);
    in->size = n;
    in->bytes = n + 1;
    return 0;
}

static uint64_t call_strlen(const void *fn, hp_run_input *in)
{
    return HP_RUN_FN(hp_strlen_fn, fn)(in->buf[0]);
}

const hp_runner hp_runners_syscall[] = {
    {"strlen", 1 << 16, prep_strlen, call_strlen},
};
HP_RUNNERS_COUNT(syscall)
