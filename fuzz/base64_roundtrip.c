/* libFuzzer target: encode -> decode round trip across every pair of
 * runnable variants.  Each encoder's output must equal the reference
 * encoder's (4*ceil(n/3) characters, returned as the count), and each
 * decoder must turn each encoder's output back into the input.  All
 * buffers are exact-size heap copies. */
#include <stddef.h>
#include <stdint.h>

#include "base64.h"
#include "fuzz_util.h"

#define MAX_VARIANTS 32

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
    static const hp_variant *enc[MAX_VARIANTS], *dec[MAX_VARIANTS];
    static size_t nenc, ndec;
    if (!nenc) {
        nenc = fuzz_variants("base64_encode", enc, MAX_VARIANTS);
        ndec = fuzz_variants("base64_decode", dec, MAX_VARIANTS);
    }

    uint8_t *src = fuzz_copy(data, n);
    size_t m = hp_base64_encoded_len(n);
    char *want = fuzz_alloc(m);
    if (((hp_base64_encode_fn)enc[0]->fn)(src, n, want) != m) {
        fprintf(stderr, "fuzz: base64_encode/%s: wrong count (n=%zu)\n", enc[0]->name, n);
        abort();
    }
    for (size_t e = 0; e < nenc; e++) {
        char *text = fuzz_alloc(m);
        size_t got = ((hp_base64_encode_fn)enc[e]->fn)(src, n, text);
        if (got != m) {
            fprintf(stderr, "fuzz: base64_encode/%s returned %zu, want %zu\n", enc[e]->name, got,
                    m);
            abort();
        }
        if (memcmp(text, want, m) != 0)
            fuzz_differ("base64_encode", enc[e]->name, text, want, m);
        char *in = fuzz_copy(text, m); /* the decoders' input, misaligned like src */
        for (size_t d = 0; d < ndec; d++) {
            uint8_t *out = fuzz_alloc(hp_base64_decoded_max(m));
            ptrdiff_t r = ((hp_base64_decode_fn)dec[d]->fn)(in, m, out);
            if (r != (ptrdiff_t)n) {
                fprintf(stderr, "fuzz: base64_decode/%s of base64_encode/%s returned %td, want %zu\n",
                        dec[d]->name, enc[e]->name, r, n);
                abort();
            }
            if (memcmp(out, src, n) != 0)
                fuzz_differ("round trip", dec[d]->name, out, src, n);
            free(out);
        }
        fuzz_free(in, m);
        free(text);
    }
    free(want);
    fuzz_free(src, n);
    return 0;
}
