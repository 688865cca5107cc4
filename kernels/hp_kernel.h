/* Compiler switches shared by the kernels. */
#ifndef HOTPATH_KERNEL_H
#define HOTPATH_KERNEL_H

/* A "scalar" variant is the true scalar baseline: keep the vectorizer off
 * for the function (GCC) or its loops (clang, which has no per-function
 * optimize attribute), so the journey starts where a C programmer's mental
 * model of the loop does. */
#if defined(__clang__)
#define HP_NO_VECTORIZE
#define HP_SCALAR_LOOP _Pragma("clang loop vectorize(disable) interleave(disable)")
#elif defined(__GNUC__)
#define HP_NO_VECTORIZE __attribute__((optimize("no-tree-vectorize", "no-tree-slp-vectorize")))
#define HP_SCALAR_LOOP
#endif

#define HP_CAT3_(a, b, c) a##b##c
#define HP_CAT3(a, b, c) HP_CAT3_(a, b, c)

#endif
