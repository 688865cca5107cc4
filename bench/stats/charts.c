/* Chart tables: the plan (which charts the run's tables allow), each
 * written to <tables>/charts/ atomically, listed in charts/plan.tsv with
 * the reason for each chart the run cannot have. */
#include "charts.h"
#include "stats.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct job {
    const hs_charts *c;
    char chart[300];
    int kind; /* J_* */
    const hs_fam *f;
    const hs_fam *olev[64];
    size_t nolev;
} job;

enum {
    J_JOURNEY,
    J_SIZES,
    J_LATENCY,
    J_BRANCH,
    J_OPTLEVELS,
    J_ISA,
    J_DISTRIBUTIONS,
    J_CHANGE,
    J_HYPERFINE
};

static void fill_chart(FILE *out, const void *p)
{
    const job *j = p;
    const hs_charts *c = j->c;
    hs_meta_s(out, "machine", c->machine);
    hs_meta_s(out, "rundate", c->rundate);
    hs_meta_n(out, "L1", c->L1, "%.0f");
    hs_meta_n(out, "L2", c->L2, "%.0f");
    hs_meta_n(out, "L3", c->L3, "%.0f");
    hs_meta_s(out, "cachesource", c->cachesource);
    char *buf = NULL;
    size_t len = 0;
    FILE *body = open_memstream(&buf, &len);
    FILE *rows = body ? body : out; /* no memory: the scalars follow the rows instead */
    switch (j->kind) {
    case J_JOURNEY: hs_chart_journey(out, rows, c, j->f); break;
    case J_SIZES: hs_chart_sizes(out, rows, c, j->f, 0); break;
    case J_LATENCY: hs_chart_sizes(out, rows, c, j->f, 1); break;
    case J_BRANCH: hs_chart_branch(out, rows, c, j->f); break;
    case J_OPTLEVELS: hs_chart_optlevels(out, rows, c, j->olev, j->nolev); break;
    case J_ISA: hs_chart_isa(out, rows, c); break;
    case J_DISTRIBUTIONS: hs_chart_distributions(out, rows, c); break;
    case J_CHANGE: hs_chart_change(out, rows, c); break;
    case J_HYPERFINE: hs_chart_hyperfine(out, rows, c); break;
    }
    if (body) {
        if (fclose(body) == 0)
            fwrite(buf, 1, len, out);
        else
            fputs("#s\terror\tout of memory\n", out);
        free(buf);
    }
}

typedef struct plan {
    job *jobs;
    size_t n;
    char skipped[8][160];
    size_t nskipped;
} plan;

static job *add_job(plan *p, const hs_charts *c, int kind, const char *chart, const hs_fam *f)
{
    job *j = &p->jobs[p->n++];
    memset(j, 0, sizeof *j);
    j->c = c;
    j->kind = kind;
    j->f = f;
    snprintf(j->chart, sizeof j->chart, "%s", chart);
    return j;
}

static void skip(plan *p, const char *chart, const char *why)
{
    snprintf(p->skipped[p->nskipped++], sizeof p->skipped[0], "%s\t-\t%s", chart, why);
}

/* Which charts the tables allow: an ISA sweep (several caps) gets the isa
 * chart only; otherwise a family gets a journey, and a sizes chart when
 * it has several sizes; milestone 2's pairs (extras -O0..-Os) and
 * sum_array go to optlevels, milestone 7's pointer_chase and branch_sum
 * to their own charts; then the run-wide charts. */
static void make_plan(plan *p, const hs_charts *c)
{
    char name[300];
    if (strchr(c->caps, ',')) {
        add_job(p, c, J_ISA, "isa", NULL);
        return;
    }
    job *olev = NULL;
    size_t nolev = 0;
    const hs_fam *ol[64];
    for (size_t i = 0; i < c->nfams; i++) {
        const hs_fam *f = &c->fams[i];
        if (strcmp(f->name, "ceiling") == 0)
            continue; /* the machine's ceilings: make roofline draws them */
        if (strcmp(f->name, "pointer_chase") == 0) {
            add_job(p, c, J_LATENCY, "latency", f);
            continue;
        }
        if (strcmp(f->name, "branch_sum") == 0) {
            add_job(p, c, J_BRANCH, "branch", f);
            add_job(p, c, J_SIZES, "sizes-branch_sum", f);
            continue;
        }
        if (f->olevels) {
            if (nolev < 64)
                ol[nolev++] = f;
            continue;
        }
        if (strcmp(f->name, "sum_array") == 0 && nolev < 64) {
            memmove(ol + 1, ol, nolev * sizeof *ol);
            ol[0] = f;
            nolev++;
        }
        snprintf(name, sizeof name, "journey-%s", f->name);
        add_job(p, c, J_JOURNEY, name, f);
        if (f->nsizes >= 2) {
            snprintf(name, sizeof name, "sizes-%s", f->name);
            add_job(p, c, J_SIZES, name, f);
        }
    }
    if (nolev) {
        olev = add_job(p, c, J_OPTLEVELS, "optlevels", NULL);
        memcpy(olev->olev, ol, nolev * sizeof *ol);
        olev->nolev = nolev;
    } else {
        skip(p, "optlevels", "no -O0..-O3 benchmarks in this run");
    }
    int reps = 0;
    for (size_t i = 0; i < c->nfams && !reps; i++)
        for (size_t k = 0; k < c->fams[i].n && !reps; k++)
            reps = c->fams[i].r[k].n >= 5;
    if (reps)
        add_job(p, c, J_DISTRIBUTIONS, "distributions", NULL);
    else
        skip(p, "distributions", "fewer than 5 repetitions per benchmark (REPS)");
    if (c->change.ncols)
        add_job(p, c, J_CHANGE, "change", NULL);
    else
        skip(p, "change", "no baseline compared (make bench BASELINE=name)");
    if (c->hyperfine.ncols)
        add_job(p, c, J_HYPERFINE, "hyperfine", NULL);
    else
        skip(p, "hyperfine", "no hyperfine results in this run");
    int chase = 0, branch = 0;
    for (size_t i = 0; i < c->nfams; i++) {
        chase |= strcmp(c->fams[i].name, "pointer_chase") == 0;
        branch |= strcmp(c->fams[i].name, "branch_sum") == 0;
    }
    if (!chase)
        skip(p, "latency", "no pointer_chase results");
    if (!branch)
        skip(p, "branch", "no branch_sum results");
}

/* plan.tsv: the charts in the order a page shows them, with the script
 * that draws each; a chart the run cannot have, with the reason. */
static void fill_plan(FILE *out, const void *p)
{
    static const char *const script[] = {"journey",       "sizes",     "latency",
                                         "branch",        "optlevels", "isa",
                                         "distributions", "change",    "hyperfine"};
    const plan *pl = p;
    fputs("chart\tscript\tskipped\n", out);
    for (size_t i = 0; i < pl->n; i++)
        fprintf(out, "%s\t%s\t-\n", pl->jobs[i].chart, script[pl->jobs[i].kind]);
    for (size_t i = 0; i < pl->nskipped; i++)
        fprintf(out, "%s\n", pl->skipped[i]);
}

/* Chart tables an earlier analysis left that this one did not write. */
static void remove_stale(const char *dir, const plan *p)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        const size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".tsv") != 0 ||
            strcmp(e->d_name, "plan.tsv") == 0)
            continue;
        size_t k = 0;
        while (k < p->n && !(strlen(p->jobs[k].chart) == len - 4 &&
                             strncmp(p->jobs[k].chart, e->d_name, len - 4) == 0))
            k++;
        char path[4096], err[64];
        if (k == p->n && hs_path(path, sizeof path, err, sizeof err, "%s/%s", dir, e->d_name) == 0)
            unlink(path);
    }
    closedir(d);
}

int hs_write_charts(const char *dir, char *err, size_t errlen)
{
    hs_charts c;
    if (hs_charts_read(&c, dir, err, errlen) != 0)
        return -1;
    plan p = {calloc(3 * c.nfams + 8, sizeof(job)), 0, {{0}}, 0};
    char out[4096], path[4096];
    int rc = p.jobs ? 0 : -1;
    if (!p.jobs)
        snprintf(err, errlen, "out of memory");
    if (rc == 0)
        make_plan(&p, &c);
    if (rc == 0 &&
        (hs_path(out, sizeof out, err, errlen, "%s/charts", dir) || hs_mkdirs(out, err, errlen)))
        rc = -1;
    for (size_t i = 0; rc == 0 && i < p.n; i++)
        if (hs_path(path, sizeof path, err, errlen, "%s/%s.tsv", out, p.jobs[i].chart) ||
            hs_atomic_write(path, fill_chart, &p.jobs[i], err, errlen))
            rc = -1;
    if (rc == 0 && (hs_path(path, sizeof path, err, errlen, "%s/plan.tsv", out) ||
                    hs_atomic_write(path, fill_plan, &p, err, errlen)))
        rc = -1;
    if (rc == 0)
        remove_stale(out, &p);
    free(p.jobs);
    hs_charts_free(&c);
    return rc;
}
