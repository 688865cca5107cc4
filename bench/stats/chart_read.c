/* The run's tables as the charts read them: context.tsv (machine, date,
 * caches), every family table (recognised by its header), samples.tsv,
 * change.tsv and hyperfine.tsv when present. */
#include "charts.h"
#include "stats.h"

#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void read_context(hs_charts *c, const char *dir)
{
    char p[4096], err[256];
    hs_table t;
    strcpy(c->machine, "unknown CPU");
    strcpy(c->rundate, "date unknown");
    if (hs_path(p, sizeof p, err, sizeof err, "%s/context.tsv", dir) ||
        hs_table_read(&t, p, err, sizeof err))
        return;
    for (size_t i = 0; i < t.nrows; i++) {
        const char *k = t.rows[i][0], *v = t.ncols > 1 ? t.rows[i][1] : "";
        if (strcmp(k, "hp_cpu_model") == 0 && *v)
            snprintf(c->machine, sizeof c->machine, "%s", v);
        else if (strcmp(k, "hp_cache_source") == 0)
            snprintf(c->cachesource, sizeof c->cachesource, "%s", v);
        else if (strcmp(k, "hp_isa_cap") == 0)
            snprintf(c->caps, sizeof c->caps, "%s", v);
        else if (strcmp(k, "hp_l1d_bytes") == 0)
            c->L1 = isnan(hs_cnum(v)) ? 0 : hs_cnum(v);
        else if (strcmp(k, "hp_l2_bytes") == 0)
            c->L2 = isnan(hs_cnum(v)) ? 0 : hs_cnum(v);
        else if (strcmp(k, "hp_l3_bytes") == 0)
            c->L3 = isnan(hs_cnum(v)) ? 0 : hs_cnum(v);
        else if (strcmp(k, "date") == 0 && *v) {
            /* 2026-11-24T21:34:40+00:00 -> "2026-11-24 21:34 UTC" */
            const char *tee = strchr(v, 'T');
            const size_t vl = strlen(v);
            if (tee && vl >= 16 && strspn(v, "0123456789-") == (size_t)(tee - v) &&
                strspn(tee + 1, "0123456789:") > 0) {
                const int utc = (vl >= 6 && strcmp(v + vl - 6, "+00:00") == 0) || v[vl - 1] == 'Z';
                snprintf(c->rundate, sizeof c->rundate, "%.10s %.5s%s", v, v + 11,
                         utc       ? " UTC"
                         : vl > 19 ? v + 19
                                   : "");
            } else {
                snprintf(c->rundate, sizeof c->rundate, "%s", v);
            }
        }
    }
    hs_table_free(&t);
}

static int fam_cmp(const void *a, const void *b)
{
    return strcmp(((const hs_fam *)a)->name, ((const hs_fam *)b)->name);
}

/* The rows of a family table; vorder from each variant's first row. */
static int load_rows(hs_fam *f)
{
    const hs_table *t = &f->t;
    f->r = calloc(t->nrows + 1, sizeof *f->r);
    if (!f->r)
        return -1;
    int col[24];
    static const char *const names[24] = {
        "name",        "family",     "variant",   "stage",   "extra",        "cap",
        "cache_level", "thrpt_unit", "speedup",   "bimodal", "size",         "touched",
        "median_ns",   "median_lo",  "median_hi", "thrpt",   "thrpt_lo",     "thrpt_hi",
        "speedup_lo",  "speedup_hi", "n",         "mad_ns",  "outliers_pct", NULL};
    for (int i = 0; names[i]; i++)
        col[i] = hs_table_col(t, names[i]);
    for (size_t i = 0; i < t->nrows; i++) {
        hs_crow *r = &f->r[i];
        const char **s[10] = {&r->name, &r->family, &r->var,  &r->stage, &r->ext,
                              &r->cap,  &r->lvl,    &r->unit, &r->spd_s, &r->bimodal};
        for (int k = 0; k < 10; k++)
            *s[k] = hs_cell(t, i, col[k]);
        double *d[13] = {&r->size, &r->touched, &r->med, &r->mlo, &r->mhi, &r->thr, &r->tlo,
                         &r->thi,  &r->slo,     &r->shi, &r->n,   &r->mad, &r->outl};
        for (int k = 0; k < 13; k++)
            *d[k] = hs_cnum(hs_cell(t, i, col[10 + k]));
        r->spd = hs_cnum(r->spd_s);
        r->vorder = (int)i;
        for (size_t j = 0; j < i; j++)
            if (strcmp(f->r[j].var, r->var) == 0) {
                r->vorder = f->r[j].vorder;
                break;
            }
        const char *e = r->ext;
        if (e[0] == 'O' && strchr("0123s", e[1]) && e[1] && !e[2])
            f->olevels = 1;
        size_t j = 0;
        while (j < i && f->r[j].size != r->size)
            j++;
        f->nsizes += j == i;
    }
    f->n = t->nrows;
    return 0;
}

/* Family tables are those with the family header; the rest (samples,
 * context, change, ...) are read by name. */
static int read_families(hs_charts *c, const char *dir, char *err, size_t errlen)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "%s: cannot read the tables", dir);
        return -1;
    }
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d))) {
        const size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".tsv") != 0)
            continue;
        char p[4096];
        hs_table t;
        if (hs_path(p, sizeof p, err, errlen, "%s/%s", dir, e->d_name) ||
            hs_table_read(&t, p, err, errlen)) {
            rc = -1;
            break;
        }
        static const char *const family_cols[] = {"name", "family", "variant", "stage", "size"};
        int family = t.ncols >= 5;
        for (size_t i = 0; family && i < 5; i++)
            family = strcmp(t.cols[i], family_cols[i]) == 0;
        if (!family) {
            hs_table_free(&t);
            continue;
        }
        hs_fam *f = realloc(c->fams, (c->nfams + 1) * sizeof *f);
        if (!f) {
            hs_table_free(&t);
            rc = -1;
            snprintf(err, errlen, "out of memory");
            break;
        }
        c->fams = f;
        f = &c->fams[c->nfams++];
        memset(f, 0, sizeof *f);
        f->t = t;
        f->name = strndup(e->d_name, len - 4);
        if (!f->name || load_rows(f) != 0) {
            rc = -1;
            snprintf(err, errlen, "out of memory");
        }
    }
    closedir(d);
    if (rc == 0)
        qsort(c->fams, c->nfams, sizeof *c->fams, fam_cmp);
    return rc;
}

static void read_optional(hs_table *t, const char *dir, const char *name)
{
    char p[4096], err[256];
    memset(t, 0, sizeof *t);
    if (hs_path(p, sizeof p, err, sizeof err, "%s/%s", dir, name) == 0 && access(p, F_OK) == 0 &&
        hs_table_read(t, p, err, sizeof err) != 0)
        memset(t, 0, sizeof *t);
}

void hs_charts_free(hs_charts *c)
{
    for (size_t i = 0; i < c->nfams; i++) {
        free(c->fams[i].name);
        free(c->fams[i].r);
        hs_table_free(&c->fams[i].t);
    }
    free(c->fams);
    hs_table_free(&c->samples);
    hs_table_free(&c->change);
    hs_table_free(&c->hyperfine);
}

int hs_charts_read(hs_charts *c, const char *dir, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    read_context(c, dir);
    if (read_families(c, dir, err, errlen) != 0) {
        hs_charts_free(c);
        return -1;
    }
    read_optional(&c->samples, dir, "samples.tsv");
    read_optional(&c->change, dir, "change.tsv");
    read_optional(&c->hyperfine, dir, "hyperfine.tsv");
    return 0;
}
