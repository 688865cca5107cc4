/* strlen, the seed's byte loop written in inline asm: load a byte, test it,
 * step, jump back.  One byte per iteration, about one iteration per cycle
 * at best: the baseline every other variant is measured against. */
#include "syscall.h"

size_t hp_strlen_bytes(const char *s)
{
    const char *p = s;
    /* The "m" operand of unknown size tells the compiler the asm reads the
     * string (the GCC manual's idiom for a NUL-terminated input); p is
     * read and written; the compare changes the flags. */
    __asm__("1:\n\t"
            "cmpb $0, (%[p])\n\t"
            "je 2f\n\t"
            "incq %[p]\n\t"
            "jmp 1b\n"
            "2:"
            : [p] "+r"(p)
            : "m"(*(const char(*)[])s)
            : "cc");
    return (size_t)(p - s);
}
