/* iter.h: a tiny header-only iterator library over int32 arrays, in C.
 *
 * The C spelling of an iterator chain such as Rust's
 *     a.iter().filter(|x| x > 0).map(|x| 2 * x).filter(|x| x < 100).sum()
 *
 *     static const iter_filter pos = {ITER_FROM_ARRAY, is_positive};
 *     static const iter_map dbl = {ITER_FROM_FILTER(pos), twice};
 *     static const iter_filter small = {ITER_FROM_MAP(dbl), is_below_100};
 *     return iter_sum(iter_filter_next, &small, iter_over(a, n));
 *
 * `iter` is the only mutable state: a cursor over the array.  A chain is
 * a set of immutable stages, each naming the stage it reads from as a
 * (next function, stage) pair, the C closure idiom, kept as two plain
 * fields (GCC 12 stops following the pointers when the pair is a nested
 * struct).  `next` stores the next element in *out and returns ITER_ITEM,
 * returns ITER_SKIP when a filter dropped the element, or ITER_END.
 * Filters return ITER_SKIP instead of looping until they find an element,
 * so a chain is one loop (the one in iter_sum), not a nest of loops a
 * vectorizer gives up on.
 *
 * Why the stages are `static const`: a compiler may then read every
 * function pointer from the stage's initializer at compile time, call it
 * directly and inline it.  Stages kept in ordinary locals whose address
 * is passed to an indirect call stay opaque to both GCC and clang.  How
 * far each compiler gets is milestone 2's finding
 * (docs/milestone-2-zero-cost-abstractions.md).
 *
 * Arithmetic is on uint32_t and wraps (no signed-overflow UB); converting
 * back to int32_t is modulo 2^32 on every compiler hotpath supports. */
#ifndef HOTPATH_ITER_H
#define HOTPATH_ITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A cursor over a[0..n).  An index, not an end pointer, because a + n is
 * UB for a == NULL even when n == 0. */
typedef struct iter {
    const int32_t *a;
    size_t n, i;
} iter;

static inline iter iter_over(const int32_t *a, size_t n)
{
    return (iter){a, n, 0};
}

typedef enum iter_step { ITER_END, ITER_SKIP, ITER_ITEM } iter_step;

/* One step of the stage `stage` over the array cursor `it`. */
typedef iter_step (*iter_next_fn)(const void *stage, iter *it, int32_t *out);
typedef bool (*iter_pred)(int32_t x);
typedef int32_t (*iter_mapper)(int32_t x);

/* The array itself: the first stage of every chain. */
static inline iter_step iter_array_next(const void *stage, iter *it, int32_t *out)
{
    (void)stage;
    if (it->i == it->n)
        return ITER_END;
    *out = it->a[it->i++];
    return ITER_ITEM;
}

/* The elements of `from` for which keep(x) is true. */
typedef struct iter_filter {
    iter_next_fn from_next; /* the stage it reads: from_next(from, ...) */
    const void *from;
    iter_pred keep;
} iter_filter;

static inline iter_step iter_filter_next(const void *stage, iter *it, int32_t *out)
{
    const iter_filter *s = stage;
    iter_step r = s->from_next(s->from, it, out);
    if (r == ITER_ITEM && !s->keep(*out))
        r = ITER_SKIP;
    return r;
}

/* f(x) for each element x of `from`. */
typedef struct iter_map {
    iter_next_fn from_next; /* the stage it reads: from_next(from, ...) */
    const void *from;
    iter_mapper f;
} iter_map;

static inline iter_step iter_map_next(const void *stage, iter *it, int32_t *out)
{
    const iter_map *s = stage;
    iter_step r = s->from_next(s->from, it, out);
    if (r == ITER_ITEM)
        *out = s->f(*out);
    return r;
}

/* The first two initializers of a stage: the stage it reads from. */
#define ITER_FROM_ARRAY iter_array_next, NULL
#define ITER_FROM_FILTER(stage) iter_filter_next, &(stage)
#define ITER_FROM_MAP(stage) iter_map_next, &(stage)

/* Drives the chain ending in (next, stage) over `it`: the wrapping sum of
 * every element it yields. */
static inline int32_t iter_sum(iter_next_fn next, const void *stage, iter it)
{
    uint32_t s = 0;
    int32_t x;
    iter_step r;
    while ((r = next(stage, &it, &x)) != ITER_END)
        if (r == ITER_ITEM)
            s += (uint32_t)x;
    return (int32_t)s;
}

#endif
