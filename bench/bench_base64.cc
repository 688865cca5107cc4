// Milestone 6 benchmarks: base64 encode and decode, every variant, OpenSSL
// (library) and memcpy of the same input bytes (limit).  The size is the
// input's length in bytes: raw bytes for encode, characters of encoded
// text for decode; bytes/s are of input.  Buffers are 64-byte aligned and
// filled before timing.
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "base64.h"
#include "bench.h"
#include "peers.h"
#include "rng.h"

namespace {

struct Free {
    void operator()(void *p) const { std::free(p); }
};
using Buf = std::unique_ptr<unsigned char[], Free>;

Buf alloc(size_t n)
{
    Buf b(static_cast<unsigned char *>(std::aligned_alloc(64, (n + 64) / 64 * 64)));
    if (!b)
        throw std::bad_alloc();
    return b;
}

// 64 B .. 16 MiB by 16 with 1 MiB added: L1, L2 and beyond on this CPU.
std::vector<int64_t> base64_sizes()
{
    if (hp::quick())
        return hp::sizes(64, 16 << 20);
    return {64, 1 << 10, 16 << 10, 1 << 20, 16 << 20};
}

// memcpy of the same input bytes: the bound every variant is read against.
void limit(benchmark::State &st, int64_t n)
{
    Buf src = alloc(size_t(n)), dst = alloc(size_t(n));
    hp_rng rng{3};
    hp_rng_fill(&rng, src.get(), size_t(n));
    std::memset(dst.get(), 0, size_t(n));
    for (auto _ : st) {
        benchmark::DoNotOptimize(src.get());
        hp_limit_memcpy(dst.get(), src.get(), size_t(n));
        benchmark::ClobberMemory();
    }
    st.SetBytesProcessed(st.iterations() * n);
}

void register_base64()
{
    for (const hp_variant *v : hp::variants("base64_encode")) {
        if (v->stage == HP_STAGE_LIMIT) {
            hp::add(v, base64_sizes(), limit);
            continue;
        }
        auto fn = hp::fn<hp_base64_encode_fn>(v);
        hp::add(v, base64_sizes(), [fn](benchmark::State &st, int64_t n) {
            Buf src = alloc(size_t(n)), dst = alloc(hp_base64_encoded_len(size_t(n)));
            hp_rng rng{1};
            hp_rng_fill(&rng, src.get(), size_t(n));
            std::memset(dst.get(), 0, hp_base64_encoded_len(size_t(n)));
            for (auto _ : st) {
                benchmark::DoNotOptimize(src.get());
                size_t out = fn(src.get(), size_t(n), reinterpret_cast<char *>(dst.get()));
                benchmark::DoNotOptimize(out);
                benchmark::ClobberMemory();
            }
            st.SetBytesProcessed(st.iterations() * n);
        });
    }
    for (const hp_variant *v : hp::variants("base64_decode")) {
        if (v->stage == HP_STAGE_LIMIT) {
            hp::add(v, base64_sizes(), limit);
            continue;
        }
        auto fn = hp::fn<hp_base64_decode_fn>(v);
        hp::add(v, base64_sizes(), [fn](benchmark::State &st, int64_t n) {
            // n characters of valid text: the encoding of 3n/4 random bytes
            const size_t raw_n = size_t(n) / 4 * 3;
            Buf raw = alloc(raw_n), text = alloc(size_t(n)), dst = alloc(raw_n);
            hp_rng rng{2};
            hp_rng_fill(&rng, raw.get(), raw_n);
            hp_base64_encode_naive(raw.get(), raw_n, reinterpret_cast<char *>(text.get()));
            std::memset(dst.get(), 0, raw_n);
            for (auto _ : st) {
                benchmark::DoNotOptimize(text.get());
                ptrdiff_t out =
                    fn(reinterpret_cast<const char *>(text.get()), size_t(n), dst.get());
                benchmark::DoNotOptimize(out);
                benchmark::ClobberMemory();
            }
            if (fn(reinterpret_cast<const char *>(text.get()), size_t(n), dst.get()) !=
                ptrdiff_t(raw_n))
                st.SkipWithError("decode rejected valid input");
            st.SetBytesProcessed(st.iterations() * n);
        });
    }
}

}  // namespace

HP_BENCH_MILESTONE(6, register_base64);
