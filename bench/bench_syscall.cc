// Milestone 5 benchmarks: strlen from the byte loop to AVX-512 (and glibc;
// inputs and sizes: shims/harness_syscall.c), and what a call, a system
// call and the vDSO cost.
#include <fcntl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <vector>

#include "bench.h"
#include "inline_asm/asm.h"
#include "syscall.h"

namespace {

void register_strlen()
{
    hp::add_family("strlen", [](benchmark::State &st, const hp_variant *, hp_input &in) {
        st.SetBytesProcessed(st.iterations() * int64_t(in.size));
    });
}

constexpr const char *kSrc = "bench/bench_syscall.cc";

// The cost benchmarks are not registry families (see shims/reg_syscall.c);
// these entries only name them family/variant/size for hp::add.
const hp_variant cost_call = {"cost_call", "empty_noinline", HP_STAGE_BASELINE, 0, nullptr, kSrc};
const hp_variant cost_getpid_libc = {"cost_getpid", "libc", HP_STAGE_LIBRARY, 0, nullptr, kSrc};
const hp_variant cost_getpid_raw = {"cost_getpid", "raw", HP_STAGE_ASM, 0, nullptr, kSrc};
const hp_variant cost_clock_vdso = {"cost_clock_gettime", "vdso", HP_STAGE_LIBRARY, 0, nullptr, kSrc};
const hp_variant cost_clock_raw = {"cost_clock_gettime", "raw", HP_STAGE_ASM, 0, nullptr, kSrc};
const hp_variant cost_rdtsc = {"cost_rdtsc", "inline_asm", HP_STAGE_ASM, 0, nullptr, kSrc};
const hp_variant cost_null_one = {"cost_write_devnull", "one_call", HP_STAGE_ASM, 0, nullptr, kSrc};
const hp_variant cost_null_bytes = {"cost_write_devnull", "bytewise", HP_STAGE_ASM, 0, nullptr, kSrc};
const hp_variant cost_pipe_one = {"cost_write_pipe", "one_call", HP_STAGE_ASM, 0, nullptr, kSrc};
const hp_variant cost_pipe_bytes = {"cost_write_pipe", "bytewise", HP_STAGE_ASM, 0, nullptr, kSrc};

// One operation per iteration; the counter ops/s makes ns/op readable.
template <class Op>
hp::Body per_op(Op op)
{
    return [op](benchmark::State &st, int64_t) {
        for (auto _ : st)
            op();
        st.SetItemsProcessed(st.iterations());
    };
}

// Writes n bytes per iteration, as one write or as n one-byte writes; items
// are write calls, bytes the bytes written.
void write_n(benchmark::State &st, int fd, const std::vector<char> &buf, bool bytewise)
{
    const size_t n = buf.size();
    for (auto _ : st) {
        if (bytewise) {
            for (size_t i = 0; i < n; i++)
                if (hp_sys_write(fd, &buf[i], 1) != 1)
                    return st.SkipWithError("write of one byte failed");
        } else if (hp_sys_write(fd, buf.data(), n) != ssize_t(n)) {
            return st.SkipWithError("write failed");
        }
    }
    st.SetItemsProcessed(st.iterations() * (bytewise ? int64_t(n) : 1));
    st.SetBytesProcessed(st.iterations() * int64_t(n));
}

hp::Body devnull_body(bool bytewise)
{
    return [bytewise](benchmark::State &st, int64_t n) {
        int fd = hp_sys_openat(AT_FDCWD, "/dev/null", O_WRONLY | O_CLOEXEC, 0);
        if (fd < 0)
            return st.SkipWithError("cannot open /dev/null");
        write_n(st, fd, std::vector<char>(size_t(n), 'x'), bytewise);
        hp_sys_close(fd);
    };
}

// A pipe nobody reads concurrently: every write lands in the pipe buffer
// (no wake-up of a reader), and a read drains it whenever it is half full,
// inside the timed loop but amortized over at least 512 KiB of writes
// (the pipe is grown to 1 MiB when the system allows).  Non-blocking, so
// a full pipe is an error rather than a hang.
hp::Body pipe_body(bool bytewise)
{
    return [bytewise](benchmark::State &st, int64_t n) {
        int fds[2];
        if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0)
            return st.SkipWithError("pipe2 failed");
        fcntl(fds[1], F_SETPIPE_SZ, 1 << 20); // a smaller pipe is fine, only slower
        const long cap = fcntl(fds[1], F_GETPIPE_SZ);
        std::vector<char> buf(size_t(n), 'x'), sink(64 << 10);
        long pending = 0;
        for (auto _ : st) {
            if (pending + n > cap / 2) {
                while (pending > 0) {
                    ssize_t r = hp_sys_read(fds[0], sink.data(), sink.size());
                    if (r <= 0)
                        return st.SkipWithError("drain failed");
                    pending -= r;
                }
            }
            bool ok = true;
            if (bytewise) {
                for (int64_t i = 0; i < n; i++)
                    ok &= hp_sys_write(fds[1], &buf[size_t(i)], 1) == 1;
            } else {
                ok = hp_sys_write(fds[1], buf.data(), buf.size()) == n;
            }
            if (!ok)
                return st.SkipWithError("pipe write failed (full?)");
            pending += n;
        }
        st.SetItemsProcessed(st.iterations() * (bytewise ? n : 1));
        st.SetBytesProcessed(st.iterations() * n);
        close(fds[0]);
        close(fds[1]);
    };
}

void register_costs()
{
    const std::vector<int64_t> one{1};
    hp::add(&cost_call, one, per_op([] { hp_cc_empty(); }));
    hp::add(&cost_getpid_libc, one, per_op([] { benchmark::DoNotOptimize(getpid()); }));
    hp::add(&cost_getpid_raw, one, per_op([] { benchmark::DoNotOptimize(hp_sys_getpid()); }));
    hp::add(&cost_clock_vdso, one, per_op([] {
                struct timespec ts;
                clock_gettime(CLOCK_MONOTONIC, &ts);
                benchmark::DoNotOptimize(ts);
            }));
    hp::add(&cost_clock_raw, one, per_op([] {
                struct timespec ts;
                hp_sys_clock_gettime(CLOCK_MONOTONIC, &ts);
                benchmark::DoNotOptimize(ts);
            }));
    hp::add(&cost_rdtsc, one, per_op([] { benchmark::DoNotOptimize(hp_asm_rdtsc()); }));
    const std::vector<int64_t> sizes = hp::sizes(64, 4096, 8);
    hp::add(&cost_null_one, sizes, devnull_body(false));
    hp::add(&cost_null_bytes, sizes, devnull_body(true));
    hp::add(&cost_pipe_one, sizes, pipe_body(false));
    hp::add(&cost_pipe_bytes, sizes, pipe_body(true));
}

void register_syscall()
{
    register_strlen();
    register_costs();
}

}  // namespace

HP_BENCH_MILESTONE(syscall, register_syscall);
