/* Reading back a table hotpath-stats wrote (tab-separated, one header
 * line): the chart tables are made from the run's tables, so that an
 * earlier run's tables (results/reference/) give the same charts. */
#include "charts.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Splits line (modified in place) at tabs into a malloc'd array. */
static char **split(char *line, size_t *n)
{
    size_t cap = 8, k = 0;
    char **f = malloc(cap * sizeof *f);
    if (!f)
        return NULL;
    for (char *p = line;; p++) {
        char *tab = strchr(p, '\t');
        if (k == cap) {
            char **g = realloc(f, 2 * cap * sizeof *g);
            if (!g) {
                free(f);
                return NULL;
            }
            f = g;
            cap *= 2;
        }
        f[k++] = p;
        if (!tab)
            break;
        *tab = '\0';
        p = tab;
    }
    *n = k;
    return f;
}

int hs_table_read(hs_table *t, const char *path, char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    FILE *in = fopen(path, "r");
    if (!in) {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t len = 0, cap = 0;
    ssize_t got;
    int rc = 0;
    while (rc == 0 && (got = getline(&line, &len, in)) >= 0) {
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            line[--got] = '\0';
        char *copy = strdup(line);
        size_t n = 0;
        char **f = copy ? split(copy, &n) : NULL;
        if (!f) {
            free(copy);
            snprintf(err, errlen, "out of memory");
            rc = -1;
            break;
        }
        if (!t->cols) {
            t->cols = f;
            t->ncols = n;
            continue;
        }
        if (n != t->ncols) {
            snprintf(err, errlen, "%s: line %zu: %zu fields, the header has %zu", path,
                     t->nrows + 2, n, t->ncols);
            free(f[0]);
            free(f);
            rc = -1;
            break;
        }
        if (t->nrows == cap) {
            cap = cap ? 2 * cap : 64;
            char ***r = realloc(t->rows, cap * sizeof *r);
            if (!r) {
                free(f[0]);
                free(f);
                snprintf(err, errlen, "out of memory");
                rc = -1;
                break;
            }
            t->rows = r;
        }
        t->rows[t->nrows++] = f;
    }
    free(line);
    if (rc == 0 && ferror(in)) {
        snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
        rc = -1;
    }
    fclose(in);
    if (rc == 0 && !t->cols) {
        snprintf(err, errlen, "%s: empty table (no header)", path);
        rc = -1;
    }
    if (rc != 0)
        hs_table_free(t);
    return rc;
}

int hs_table_col(const hs_table *t, const char *name)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (strcmp(t->cols[i], name) == 0)
            return (int)i;
    return -1;
}

const char *hs_cell(const hs_table *t, size_t row, int col)
{
    return col >= 0 ? t->rows[row][col] : "";
}

void hs_table_free(hs_table *t)
{
    for (size_t i = 0; i < t->nrows; i++) {
        free(t->rows[i][0]);
        free(t->rows[i]);
    }
    if (t->cols) {
        free(t->cols[0]);
        free(t->cols);
    }
    free(t->rows);
    memset(t, 0, sizeof *t);
}
