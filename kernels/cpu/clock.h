/* The core clock, measured: the time-stamp counter ticks at a constant
 * rate whatever the core runs at, so cycles per byte need the core's own
 * frequency, timed here from a chain of dependent single-cycle adds. */
#ifndef HOTPATH_CPU_CLOCK_H
#define HOTPATH_CPU_CLOCK_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hp_clock {
    double core_ghz; /* dependent adds per nanosecond: cycles per ns */
    double tsc_ghz;  /* time-stamp counter ticks per nanosecond */
} hp_clock;

/* Times the add chain for about `ms` milliseconds in several trials and
 * keeps the fastest: a trial the scheduler interrupted only looks slower. */
hp_clock hp_clock_measure(double ms);

#ifdef __cplusplus
}
#endif
#endif
