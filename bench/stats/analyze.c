/* The analysis: benchmarks are grouped by (family, size, cap) so that each
 * group's resampled medians exist together, once, and every ratio inside
 * the group (vs reference, vs library, vs limit, vs baseline) pairs them:
 * the two benchmarks' resamples are independent streams, so pairing draw i
 * with draw i resamples both samples at no extra cost.  Groups are spread
 * over threads; each benchmark's stream is seeded from its name, so the
 * output does not depend on the thread count. */
#include "stats.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct group {
    size_t first, count; /* in order[] */
    size_t cost;
} group;

typedef struct job {
    hs_set *run;
    hs_bench **base;      /* per run benchmark: its baseline or NULL */
    size_t *order;
    group *groups;
    size_t ngroups;
    const hs_options *o;
    atomic_size_t next;
    atomic_int failed;
} job;

static int group_key_cmp(const hs_bench *a, const hs_bench *b)
{
    if (a->file->kind != b->file->kind)
        return a->file->kind - b->file->kind;
    if (a->file->kind == HS_KIND_HYPERFINE) { /* a group is a file */
        const uintptr_t x = (uintptr_t)a->file, y = (uintptr_t)b->file;
        return (x > y) - (x < y);
    }
    int c = strcmp(a->cap, b->cap);
    if (!c)
        c = strcmp(a->family, b->family);
    if (!c)
        c = strcmp(a->size, b->size);
    return c;
}

static int cmp_order(const void *pa, const void *pb, void *set)
{
    const hs_bench *b = ((const hs_set *)set)->b;
    const size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
    const int c = group_key_cmp(&b[ia], &b[ib]);
    return c ? c : (ia > ib) - (ia < ib);
}

static int cmp_cost(const void *pa, const void *pb)
{
    const size_t a = ((const group *)pa)->cost, b = ((const group *)pb)->cost;
    return (a < b) - (a > b);
}

static int usable(const hs_bench *b)
{
    return b && !b->skip && b->n > 0;
}

/* The member of the group with this variant and the member's extra, else
 * with no extra (an -O0 build of a kernel still compares with the plain
 * reference). */
static size_t find_variant(const job *j, const group *g, const hs_bench *m, const char *variant)
{
    for (int pass = 0; pass < 2; pass++) {
        const char *extra = pass ? "-" : m->extra;
        for (size_t k = 0; k < g->count; k++) {
            const hs_bench *c = &j->run->b[j->order[g->first + k]];
            if (usable(c) && strcmp(c->variant, variant) == 0 && strcmp(c->extra, extra) == 0)
                return k;
        }
    }
    return SIZE_MAX;
}

/* The fastest member of a stage (several library peers: the best one). */
static size_t find_stage(const job *j, const group *g, const hs_bench *m, const char *stage)
{
    for (int pass = 0; pass < 2; pass++) {
        const char *extra = pass ? "-" : m->extra;
        size_t best = SIZE_MAX;
        for (size_t k = 0; k < g->count; k++) {
            const hs_bench *c = &j->run->b[j->order[g->first + k]];
            if (usable(c) && strcmp(c->stage, stage) == 0 && strcmp(c->extra, extra) == 0 &&
                (best == SIZE_MAX ||
                 c->s.median.est < j->run->b[j->order[g->first + best]].s.median.est))
                best = k;
        }
        if (best != SIZE_MAX)
            return best;
    }
    return SIZE_MAX;
}

static int analyze_group(job *j, const group *g, double *scratch)
{
    const size_t R = j->o->resamples;
    double **reps = calloc(2 * g->count, sizeof *reps); /* run, then baseline */
    int rc = reps ? 0 : -1;
    for (size_t k = 0; k < g->count && rc == 0; k++) {
        const size_t idx = j->order[g->first + k];
        hs_bench *b = &j->run->b[idx];
        hs_bench *base = j->base ? j->base[idx] : NULL;
        if (!usable(b))
            continue;
        const char *tag = b->file->kind == HS_KIND_HYPERFINE ? b->variant : "";
        if (b->n >= 2 && !(reps[k] = malloc(R * sizeof(double))))
            rc = -1;
        else if (hs_bootstrap(b->t, b->n, R, hs_stream_seed(j->o->seed, b->name, b->cap, tag),
                              &b->s, reps[k]) != 0)
            rc = -1;
        if (rc == 0 && usable(base)) {
            if (base->n >= 2 && !(reps[g->count + k] = malloc(R * sizeof(double))))
                rc = -1;
            else if (hs_bootstrap(base->t, base->n, R,
                                  hs_stream_seed(j->o->seed, base->name, base->cap, "baseline"),
                                  &base->s, reps[g->count + k]) != 0)
                rc = -1;
        }
    }
    for (size_t k = 0; k < g->count && rc == 0; k++) {
        const size_t idx = j->order[g->first + k];
        hs_bench *b = &j->run->b[idx];
        if (!usable(b))
            continue;
        const hs_est t = b->s.median;
        if (b->unit != HS_THRPT_NONE)
            b->thrpt = (hs_est){b->per_iter / t.est, b->per_iter / t.hi, b->per_iter / t.lo};
        /* hyperfine: against the group's first command, nothing else */
        size_t other[3] = {0, SIZE_MAX, SIZE_MAX};
        if (b->file->kind == HS_KIND_GBENCH) {
            const char *ref = hs_reference_of(b->file, b->family);
            other[0] = ref ? find_variant(j, g, b, ref) : SIZE_MAX;
            other[1] = find_stage(j, g, b, "library");
            other[2] = find_stage(j, g, b, "limit");
        }
        /* The paired comparison of the same two, when the run has one,
         * replaces these (hs_pairs_apply, paired.c). */
        hs_est *dst[3] = {&b->speedup, &b->vs_peer, &b->vs_limit};
        const hs_bench **who[3] = {&b->ref, &b->peer, &b->limit};
        int *src[3] = {&b->speedup_src, &b->peer_src, &b->limit_src};
        for (int w = 0; w < 3; w++) {
            if (other[w] == SIZE_MAX || !usable(&j->run->b[j->order[g->first + other[w]]]))
                continue;
            const hs_bench *o = &j->run->b[j->order[g->first + other[w]]];
            *who[w] = o;
            if (o == b) { /* the reference against itself: exactly 1 */
                *dst[w] = (hs_est){1, reps[k] ? 1 : NAN, reps[k] ? 1 : NAN};
                *src[w] = HS_SRC_SELF;
            } else {
                *dst[w] = hs_ratio(o->s.median.est, t.est, reps[other[w]], reps[k], R, 0,
                                   scratch);
                *src[w] = HS_SRC_MEDIANS;
            }
        }
        hs_bench *base = j->base ? j->base[idx] : NULL;
        if (usable(base)) {
            b->base = base;
            b->change = hs_ratio(t.est, base->s.median.est, reps[k], reps[g->count + k], R, -1,
                                 scratch);
            b->p = hs_mann_whitney_p(b->t, b->n, base->t, base->n);
            /* the verdict waits for every p of the run (hs_fdr_verdicts) */
        }
    }
    for (size_t k = 0; reps && k < 2 * g->count; k++)
        free(reps[k]);
    free(reps);
    return rc;
}

static void *worker(void *arg)
{
    job *j = arg;
    double *scratch = malloc(j->o->resamples * sizeof *scratch);
    if (!scratch) {
        atomic_store(&j->failed, 1);
        return NULL;
    }
    for (;;) {
        const size_t g = atomic_fetch_add(&j->next, 1);
        if (g >= j->ngroups || atomic_load(&j->failed))
            break;
        if (analyze_group(j, &j->groups[g], scratch) != 0)
            atomic_store(&j->failed, 1);
    }
    free(scratch);
    return NULL;
}

int hs_analyze(hs_set *run, hs_set *baseline, const hs_options *o)
{
    job j = {.run = run, .o = o};
    atomic_init(&j.next, 0);
    atomic_init(&j.failed, 0);
    j.order = malloc((run->n + 1) * sizeof *j.order);
    j.groups = malloc((run->n + 1) * sizeof *j.groups);
    if (baseline)
        j.base = calloc(run->n + 1, sizeof *j.base);
    int rc = -1;
    if (!j.order || !j.groups || (baseline && !j.base))
        goto out;
    for (size_t i = 0; i < run->n; i++) {
        j.order[i] = i;
        if (baseline && run->b[i].file->kind == HS_KIND_GBENCH)
            j.base[i] = hs_find(baseline, run->b[i].name, run->b[i].cap);
    }
    qsort_r(j.order, run->n, sizeof *j.order, cmp_order, run);
    for (size_t i = 0; i < run->n; i++) {
        const hs_bench *b = &run->b[j.order[i]];
        if (i == 0 || group_key_cmp(&run->b[j.order[i - 1]], b) != 0)
            j.groups[j.ngroups++] = (group){i, 0, 0};
        group *g = &j.groups[j.ngroups - 1];
        g->count++;
        g->cost += b->n + (j.base && j.base[j.order[i]] ? j.base[j.order[i]]->n : 0);
    }
    qsort(j.groups, j.ngroups, sizeof *j.groups, cmp_cost); /* big ones first */

    int nt = o->threads < 1 ? 1 : o->threads;
    if ((size_t)nt > j.ngroups)
        nt = j.ngroups ? (int)j.ngroups : 1;
    pthread_t th[64];
    if (nt > 64)
        nt = 64;
    int started = 0;
    for (; started < nt - 1; started++)
        if (pthread_create(&th[started], NULL, worker, &j) != 0)
            break;
    worker(&j);
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    rc = atomic_load(&j.failed) ? -1 : 0;
    if (rc == 0 && baseline)
        rc = hs_fdr_verdicts(run, o);
out:
    free(j.order);
    free(j.groups);
    free(j.base);
    return rc;
}
