/* hotpath-clock [MS]: the core clock and the TSC rate, measured now
 * (kernels/cpu/clock.c), for scripts that turn times into cycles
 * (make explain).  Prints "core_ghz X" and "tsc_ghz Y". */
#include "cpu/clock.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    double ms = 100;
    if (argc > 2 || (argc == 2 && !((ms = strtod(argv[1], NULL)) > 0 && ms < 60000))) {
        fprintf(stderr, "usage: hotpath-clock [MILLISECONDS (default 100)]\n");
        return 2;
    }
    const hp_clock c = hp_clock_measure(ms);
    if (!(c.core_ghz > 0)) {
        fprintf(stderr, "hotpath-clock: every trial was interrupted; try again\n");
        return 1;
    }
    printf("core_ghz %.3f\ntsc_ghz %.3f\n", c.core_ghz, c.tsc_ghz);
    return 0;
}
