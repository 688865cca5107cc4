/* The seven milestones in journey order, written once: the registry, the
 * harnesses and hotpath-bench's fixtures all expand this list. */
#ifndef HOTPATH_MILESTONES_H
#define HOTPATH_MILESTONES_H

#define HP_MILESTONES(X) \
    X(basics)            \
    X(abstraction)       \
    X(inline_asm)        \
    X(simd)              \
    X(syscall)           \
    X(base64)            \
    X(cpu_effects)

#endif
