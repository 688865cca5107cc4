// Milestone 6 benchmarks: base64 encode and decode, every variant, OpenSSL
// (library) and memcpy of the same input bytes (limit); inputs and sizes:
// shims/harness_base64.c.  The size is the input's length in bytes: raw
// bytes for encode, characters of encoded text for decode; bytes/s are of
// input.
#include "bench.h"

static void register_base64()
{
    hp::add_family("base64_encode", [](benchmark::State &st, const hp_variant *, hp_input &in) {
        st.SetBytesProcessed(st.iterations() * int64_t(in.size));
    });
    hp::add_family("base64_decode", [](benchmark::State &st, const hp_variant *v, hp_input &in) {
        // The input is valid: a decoder that rejects it has no timing to show.
        if (v->stage != HP_STAGE_LIMIT &&
            hp::harness("base64_decode").run(v->fn, &in, 1) != in.size / 4 * 3)
            st.SkipWithError("decode rejected valid input");
        st.SetBytesProcessed(st.iterations() * int64_t(in.size));
    });
}

HP_BENCH_MILESTONE(base64, register_base64);
