/* Pin the calling thread to the CPU it is on, and restore its affinity
 * afterwards: checks that compare two reads of per-CPU state (the TSC,
 * rdtscp's TSC_AUX, cpuid's APIC ID) must not migrate in between. */
#ifndef HOTPATH_PIN_H
#define HOTPATH_PIN_H

#include <sched.h>

/* 1 if pinned (saved holds the old mask), 0 if the OS refused. */
static inline int hp_pin_here(cpu_set_t *saved)
{
    if (sched_getaffinity(0, sizeof *saved, saved) != 0)
        return 0;
    const int cpu = sched_getcpu();
    if (cpu < 0 || cpu >= CPU_SETSIZE)
        return 0;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    return sched_setaffinity(0, sizeof one, &one) == 0;
}

static inline void hp_unpin(const cpu_set_t *saved)
{
    (void)sched_setaffinity(0, sizeof *saved, saved);
}

#endif
