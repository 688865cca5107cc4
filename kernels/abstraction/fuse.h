/* fuse.h: milestone 2's second iterator design, the one compilers see
 * through.  Same protocol as iter.h (a stage's `next` yields ITER_ITEM,
 * ITER_SKIP or ITER_END, so a chain stays one loop), but a stage is a
 * type, not a pointer:
 *
 *     FUSE_FILTER(pos, fuse_array, is_positive)
 *     FUSE_MAP(dbl, pos, twice)
 *     FUSE_FILTER(small, dbl, is_below_100)
 *     FUSE_SUM(chain_sum, small)
 *     ...
 *     return chain_sum((small){{{fuse_over(a, n)}}});
 *
 * Each FUSE_FILTER/FUSE_MAP line declares a struct holding the stage it
 * reads from (by value) and a `<name>_next` function that calls that
 * stage's own `_next` by name.  Nothing is reached through a function
 * pointer, so no optimizer has to prove a pointer constant (GCC 12 gave
 * up two calls deep in iter.h), and every stage has its own function, so
 * LLVM's inline-history guard (it refuses to inline iter_filter_next into
 * a call that came from inlining iter_filter_next) never applies.
 * `always_inline` makes inlining a rule instead of a cost estimate: the
 * chain is one function at every level, -O0 included (both compilers
 * honour the attribute there); the predicate and mapper stay ordinary
 * functions, inlined or not as the level decides, exactly as in the
 * manual loop.
 *
 * The price: a chain is written at file scope as declarations, not as an
 * expression, and each stage type is distinct, so stages cannot be kept
 * in an array or chosen at run time; iter.h can. */
#ifndef HOTPATH_FUSE_H
#define HOTPATH_FUSE_H

#include <stddef.h>
#include <stdint.h>

#include "iter.h" /* iter_step */

#define FUSE_INLINE static inline __attribute__((always_inline))

/* The array: the first stage of every chain.  An index, not an end
 * pointer, because a + n is UB for a == NULL even when n == 0. */
typedef struct fuse_array {
    const int32_t *a;
    size_t n, i;
} fuse_array;

FUSE_INLINE fuse_array fuse_over(const int32_t *a, size_t n)
{
    return (fuse_array){a, n, 0};
}

FUSE_INLINE iter_step fuse_array_next(fuse_array *s, int32_t *out)
{
    if (s->i >= s->n)
        return ITER_END;
    *out = s->a[s->i++];
    return ITER_ITEM;
}

/* Stage `name`: the elements of stage `from` for which keep(x) is true. */
#define FUSE_FILTER(name, from, keep)                                  \
    typedef struct name {                                              \
        from src;                                                      \
    } name;                                                            \
    FUSE_INLINE iter_step name##_next(name *s, int32_t *out)           \
    {                                                                  \
        iter_step r = from##_next(&s->src, out);                       \
        if (r == ITER_ITEM && !keep(*out))                             \
            r = ITER_SKIP;                                             \
        return r;                                                      \
    }

/* Stage `name`: f(x) for each element x of stage `from`. */
#define FUSE_MAP(name, from, f)                                        \
    typedef struct name {                                              \
        from src;                                                      \
    } name;                                                            \
    FUSE_INLINE iter_step name##_next(name *s, int32_t *out)           \
    {                                                                  \
        iter_step r = from##_next(&s->src, out);                       \
        if (r == ITER_ITEM)                                            \
            *out = f(*out);                                            \
        return r;                                                      \
    }

/* `int32_t name(from s)`: the wrapping sum of every element stage `from`
 * yields. */
#define FUSE_SUM(name, from)                                           \
    FUSE_INLINE int32_t name(from s)                                   \
    {                                                                  \
        uint32_t acc = 0;                                              \
        int32_t x;                                                     \
        iter_step r;                                                   \
        while ((r = from##_next(&s, &x)) != ITER_END)                  \
            if (r == ITER_ITEM)                                        \
                acc += (uint32_t)x;                                    \
        return (int32_t)acc;                                           \
    }

#endif
