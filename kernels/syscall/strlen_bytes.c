/* strlen, the seed's byte loop written in inline asm: load a byte, test it,
 * step, jump back.  One byte per iteration, about one iteration per cycle
 * at best: the baseline every other variant is measured against. */
#include "syscall.h"

size_t hp_strlen_bytes(const char *s)
{
    const char *p = s;
    /* The asm reads memory up to the NUL, a length the compiler cannot
     * name: a "memory" clobber says so.  (GCC's idiom, an "m" operand of
     * type const char[] of unknown size, is rejected by clang 14.)  p is
     * read and written; the compare changes the flags. */
    __asm__("1:\n\t"
            "cmpb $0, (%[p])\n\t"
            "je 2f\n\t"
            "incq %[p]\n\t"
            "jmp 1b\n"
            "2:"
            : [p] "+r"(p)
            :
            : "cc", "memory");
    return (size_t)(p - s);
}
