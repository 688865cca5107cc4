/* b64: a streaming base64 encoder/decoder on libhotpath's codecs, with the
 * interface of coreutils base64 (main.c).  Internal to tools/b64. */
#ifndef B64_H
#define B64_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "hotpath.h"

/* Exit statuses: bad data or an I/O failure, and a bad command line. */
enum { B64_EXIT_FAIL = 1, B64_EXIT_USAGE = 2 };

/* io.c: raw-syscall I/O (shims/syscall.h) that reports its own failures
 * ("b64: NAME: reason") on stderr. */
/* Reads up to n bytes, retrying EINTR: the count (0 at end of input), or
 * -1 after reporting the error. */
ssize_t b64_read(int fd, const char *name, void *buf, size_t n);
/* Writes all n bytes to standard output: 0, or -1 after reporting. */
int b64_write(const void *buf, size_t n);
/* "b64: " + the formatted message + newline, on stderr. */
void b64_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* An allocation of n bytes (at least 1), 64-byte aligned, or NULL after
 * reporting. */
void *b64_alloc(size_t n);

/* encode.c: reads fd to its end and writes its encoding, a newline after
 * every `wrap` characters and after a last partial line (wrap 0: one line
 * without a newline, as coreutils -w 0).  Returns an exit status. */
int b64_encode_stream(int fd, const char *name, size_t wrap, hp_base64_encode_fn enc);

/* decode.c: reads fd to its end and writes what it decodes.  Newlines are
 * skipped anywhere; with ignore_garbage every byte outside the alphabet
 * and '=' is too.  The rest must be one strict base64 text (shims/base64.h).
 * On invalid input the message names the offset of the bad byte in the
 * input as read (skipped bytes counted) and the status is 1; what was
 * written before is the decoding of the quartets before the bad one. */
int b64_decode_stream(int fd, const char *name, int ignore_garbage, hp_base64_decode_fn dec);

#endif
