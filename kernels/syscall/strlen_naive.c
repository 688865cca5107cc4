/* strlen, the reference: one byte at a time, as written in every C book.
 * The vectorizer is off so it stays the byte loop it reads as. */
#include "hp_kernel.h"
#include "syscall.h"

/* GCC 12 recognizes this loop as strlen and replaces it with a call to
 * glibc's (loop distribution), which would make the reference the peer. */
#if defined(__GNUC__) && !defined(__clang__)
#define KEEP_LOOP __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define KEEP_LOOP
#endif

HP_NO_VECTORIZE KEEP_LOOP size_t hp_strlen_naive(const char *s)
{
    size_t n = 0;
    HP_SCALAR_LOOP
    while (s[n] != '\0')
        n++;
    return n;
}
