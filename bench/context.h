// The machine context recorded in every result file.
#ifndef HOTPATH_CONTEXT_H
#define HOTPATH_CONTEXT_H

namespace hp {
// Adds CPU model, features, level, ISA cap, compiler and flags, commit,
// cache sizes and their source, perf-counter availability and the
// registry (each family's reference, each variant's stage and journey
// order) to the JSON "context" (Google Benchmark's AddCustomContext).
void add_context();
}  // namespace hp

#endif
