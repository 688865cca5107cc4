/* libFuzzer target: differential decode.  Every runnable base64_decode
 * variant gets the same input (any bytes: valid, invalid, truncated,
 * badly padded) and must return what the reference returns -- the same
 * byte count, or the same -(k+1) for the first invalid byte -- and, on
 * success, the same bytes.  Inputs and outputs sit in exact-size heap
 * buffers (nothing may be written past 3*(n/4)). */
#include <stddef.h>
#include <stdint.h>

#include "base64.h"
#include "fuzz_util.h"

#define MAX_VARIANTS 32

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
    static const hp_variant *v[MAX_VARIANTS];
    static size_t nv;
    if (!nv)
        nv = fuzz_variants("base64_decode", v, MAX_VARIANTS);

    char *src = fuzz_copy(data, n);
    size_t cap = hp_base64_decoded_max(n);
    uint8_t *want = fuzz_alloc(cap), *got = fuzz_alloc(cap);
    ptrdiff_t r0 = ((hp_base64_decode_fn)v[0]->fn)(src, n, want);
    for (size_t i = 1; i < nv; i++) {
        ptrdiff_t r = ((hp_base64_decode_fn)v[i]->fn)(src, n, got);
        if (r != r0) {
            fprintf(stderr, "fuzz: base64_decode/%s returned %td, the reference %td (n=%zu)\n",
                    v[i]->name, r, r0, n);
            abort();
        }
        if (r > 0 && memcmp(got, want, (size_t)r) != 0)
            fuzz_differ("base64_decode", v[i]->name, got, want, (size_t)r);
    }
    free(got);
    free(want);
    fuzz_free(src, n);
    return 0;
}
