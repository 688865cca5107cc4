// The --hp_out result file: a temporary name in the target's directory,
// created before the gate (so a bad path fails in a moment, with the
// reason), removed on every failure and every terminating signal, renamed
// over the target only when Google Benchmark's JSON is verified complete
// and on disk.
#ifndef HOTPATH_RESULT_FILE_H
#define HOTPATH_RESULT_FILE_H

#include <string>

namespace hp {

// Creates the temporary file for `out` (not empty) and installs the
// signal handlers.
// 0, or 2 with a message on stderr (missing directory, a
// directory named as the file, no permission, ...).
int result_file_open(const std::string &out);
// The temporary path Google Benchmark writes (--benchmark_out=).
const char *result_file_tmp();
// Verifies, syncs and renames: 0, or 1 with a message (nothing left).
int result_file_commit(const std::string &out);
// Removes the temporary file (a failed or empty run).
void result_file_discard();

} // namespace hp

#endif
