// The machine context recorded in every result file.
#ifndef HOTPATH_CONTEXT_H
#define HOTPATH_CONTEXT_H

namespace hp {
// Adds CPU model, features, level, ISA cap, compiler and flags, commit,
// cache sizes and their source, perf-counter availability and the
// registry (each family's reference, each variant's stage and journey
// order) to the JSON "context" (Google Benchmark's AddCustomContext).
// Also the core clock and TSC rate measured before the suite
// (hp_core_ghz_before, hp_tsc_ghz; kernels/cpu/clock.h).
void add_context();
// The core clock measured after the suite (hp_core_ghz_after), written into
// the result file at `path`; false when the file cannot be read or written
// (then it may be half written: the caller discards it).
bool add_context_after(const char *path);
}  // namespace hp

#endif
