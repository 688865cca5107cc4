/* The files of a run, next to its JSON: <dir>/<run>.md and
 * <dir>/<run>/tables/<name>.tsv.  Each file appears atomically (temporary name,
 * then rename), so a reader never sees half a table. */
#include "stats.h"
#include "charts.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int hs_path(char *dst, size_t len, char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const int n = vsnprintf(dst, len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= len) {
        snprintf(err, errlen, "path too long: %.200s...", dst);
        return -1;
    }
    return 0;
}

/* The temporary file being written, for hs_remove_partial. */
static char tmp[4096];
static volatile sig_atomic_t writing;

void hs_remove_partial(void)
{
    if (writing)
        unlink(tmp);
}

static int write_and_rename(const char *path, void (*fill)(FILE *, const void *), const void *arg,
                            char *err, size_t errlen)
{
    FILE *f = fopen(tmp, "w");
    if (!f) {
        snprintf(err, errlen, "%s: cannot write: %s", tmp, strerror(errno));
        return -1;
    }
    fill(f, arg);
    int bad = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
    const int e = errno;
    bad |= fclose(f) != 0;
    if (bad || rename(tmp, path) != 0) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(bad ? e : errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}

int hs_atomic_write(const char *path, void (*fill)(FILE *, const void *), const void *arg,
                    char *err, size_t errlen)
{
    if (hs_path(tmp, sizeof tmp, err, errlen, "%s.tmp.%ld", path, (long)getpid()))
        return -1;
    writing = 1;
    const int rc = write_and_rename(path, fill, arg, err, errlen);
    writing = 0;
    return rc;
}

typedef struct table_arg {
    const hs_set *run;
    const char *family;
    const char *baseline;
    const hs_options *o;
} table_arg;

static void fill_family(FILE *out, const void *p)
{
    const table_arg *a = p;
    hs_print_tsv_header(out);
    for (size_t i = 0; i < a->run->n; i++) {
        const hs_bench *b = &a->run->b[i];
        if (b->file->kind == HS_KIND_GBENCH && !b->skip && strcmp(b->family, a->family) == 0)
            hs_print_tsv_row(out, b);
    }
}

static void fill_samples(FILE *out, const void *p)
{
    const table_arg *a = p;
    fputs("name\tcap\trepetition\ttime_ns\n", out);
    for (size_t i = 0; i < a->run->n; i++) {
        const hs_bench *b = &a->run->b[i];
        if (b->file->kind == HS_KIND_GBENCH)
            for (size_t k = 0; k < b->n; k++)
                fprintf(out, "%s\t%s\t%zu\t%.4f\n", b->name, b->cap, k, b->t[k]);
    }
}

static void fill_context(FILE *out, const void *p)
{
    const table_arg *a = p;
    static const char *const keys[] = {"hp_cpu_model", "date", "hp_l1d_bytes", "hp_l2_bytes",
                                       "hp_l3_bytes", "hp_cache_source", "hp_isa_cap",
                                       "hp_commit", "host_name", "hp_core_ghz_before",
                                       "hp_core_ghz_after", "hp_tsc_ghz"};
    fputs("key\tvalue\n", out);
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        if (strcmp(keys[k], "hp_isa_cap") != 0) {
            fprintf(out, "%s\t%s\n", keys[k], hs_context(a->run, keys[k]));
            continue;
        }
        fputs("hp_isa_cap\t", out); /* several files: every cap, comma-separated */
        int first = 1;
        for (size_t i = 0; i < a->run->nf; i++)
            if (a->run->f[i]->kind == HS_KIND_GBENCH) {
                fprintf(out, "%s%s", first ? "" : ",", a->run->f[i]->cap);
                first = 0;
            }
        fputs(first ? "?\n" : "\n", out);
    }
    fprintf(out, "resamples\t%zu\nseed\t%llu\nbaseline\t%s\n", a->o->resamples,
            (unsigned long long)a->o->seed, a->baseline ? a->baseline : "-");
}

static void fill_change(FILE *out, const void *p)
{
    const table_arg *a = p;
    hs_print_change_header(out);
    for (size_t i = 0; i < a->run->n; i++)
        if (a->run->b[i].base)
            hs_print_change_row(out, &a->run->b[i]);
}

static void fill_hyperfine(FILE *out, const void *p)
{
    const table_arg *a = p;
    hs_print_hyperfine_header(out);
    for (size_t i = 0; i < a->run->n; i++)
        if (a->run->b[i].file->kind == HS_KIND_HYPERFINE)
            hs_print_hyperfine_row(out, &a->run->b[i]);
}

static void fill_skipped(FILE *out, const void *p)
{
    const table_arg *a = p;
    fputs("name\tcap\treason\n", out);
    for (size_t i = 0; i < a->run->n; i++)
        if (a->run->b[i].skip)
            fprintf(out, "%s\t%s\t%s\n", a->run->b[i].name, a->run->b[i].cap,
                    a->run->b[i].skip);
}

static void fill_instructions(FILE *out, const void *p)
{
    hs_print_icount_tsv(out, ((const table_arg *)p)->run);
}

static void fill_cycles(FILE *out, const void *p)
{
    hs_print_cycles_tsv(out, ((const table_arg *)p)->run);
}

static void fill_markdown(FILE *out, const void *p)
{
    const table_arg *a = p;
    hs_print_markdown(out, a->run, a->baseline, a->o);
}

int hs_mkdirs(char *path, char *err, size_t errlen)
{
    for (char *s = path + 1; *s; s++)
        if (*s == '/') {
            *s = '\0';
            const int rc = mkdir(path, 0777);
            *s = '/';
            if (rc != 0 && errno != EEXIST)
                goto fail;
        }
    if (mkdir(path, 0777) == 0 || errno == EEXIST)
        return 0;
fail:
    snprintf(err, errlen, "%s: cannot create: %s", path, strerror(errno));
    return -1;
}

/* A family name as a file name: anything but [A-Za-z0-9_.-] becomes '_'. */
static void safe_name(char *dst, size_t len, const char *s)
{
    size_t i = 0;
    for (; s[i] && i + 1 < len; i++) {
        const char c = s[i];
        const int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '_' || c == '-' || (c == '.' && i > 0);
        dst[i] = ok ? c : '_';
    }
    dst[i] = '\0';
}

/* Tables of an earlier analysis of the same run that this one did not
 * write (a family gone, no baseline this time) would mislead: remove them. */
static void remove_stale(const char *dir, char **written, size_t nwritten)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        const size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".tsv") != 0)
            continue;
        size_t k = 0;
        while (k < nwritten && strcmp(written[k], e->d_name) != 0)
            k++;
        if (k == nwritten) {
            char p[4096], err[64];
            if (hs_path(p, sizeof p, err, sizeof err, "%s/%s", dir, e->d_name) == 0)
                unlink(p);
        }
    }
    closedir(d);
}

int hs_write_outputs(const hs_set *run, const char *baseline, const hs_options *o,
                     char *md_path, size_t md_len, char *err, size_t errlen)
{
    const hs_file *main_file = run->f[0];
    for (size_t i = 0; i < run->nf; i++)
        if (run->f[i]->kind == HS_KIND_GBENCH) {
            main_file = run->f[i];
            break;
        }
    char stem[4096], dir[4096], path[4096];
    if (hs_path(stem, sizeof stem, err, errlen, "%s", main_file->path))
        return -1;
    const size_t sl = strlen(stem);
    if (sl > 5 && strcmp(stem + sl - 5, ".json") == 0)
        stem[sl - 5] = '\0';
    if (hs_path(md_path, md_len, err, errlen, "%s.md", stem) ||
        hs_path(dir, sizeof dir, err, errlen, "%s/tables", stem) ||
        hs_mkdirs(dir, err, errlen) != 0)
        return -1;

    table_arg a = {run, NULL, baseline, o};
    size_t nw = 0, cap = run->n + 8;
    char **written = calloc(cap, sizeof *written);
    int rc = written ? 0 : -1;
    if (!written)
        snprintf(err, errlen, "out of memory");
#define WRITE(name, fn)                                                            \
    do {                                                                           \
        if (rc == 0) {                                                             \
            rc = hs_path(path, sizeof path, err, errlen, "%s/%s", dir, name);      \
            if (rc == 0)                                                           \
                rc = hs_atomic_write(path, fn, &a, err, errlen);                   \
            if (rc == 0 && !(written[nw++] = strdup(name))) {                      \
                snprintf(err, errlen, "out of memory");                            \
                rc = -1;                                                           \
            }                                                                      \
        }                                                                          \
    } while (0)
    int any_gb = 0, any_hf = 0, any_skip = 0;
    for (size_t i = 0; i < run->n && rc == 0; i++) {
        const hs_bench *b = &run->b[i];
        any_hf |= b->file->kind == HS_KIND_HYPERFINE;
        any_skip |= b->skip != NULL;
        if (b->file->kind != HS_KIND_GBENCH)
            continue;
        any_gb = 1;
        size_t k = 0;
        while (k < i && (run->b[k].file->kind != HS_KIND_GBENCH ||
                         strcmp(run->b[k].family, b->family) != 0))
            k++;
        if (k < i)
            continue;
        char name[300];
        safe_name(name, sizeof name - 4, b->family);
        strcat(name, ".tsv");
        a.family = b->family;
        WRITE(name, fill_family);
    }
    if (any_gb) {
        WRITE("samples.tsv", fill_samples);
        WRITE("context.tsv", fill_context);
    }
    if (baseline && run->n)
        WRITE("change.tsv", fill_change);
    if (run->nic)
        WRITE("instructions.tsv", fill_instructions);
    if (hs_has_cycles(run))
        WRITE("cycles.tsv", fill_cycles);
    if (any_hf)
        WRITE("hyperfine.tsv", fill_hyperfine);
    if (any_skip)
        WRITE("skipped.tsv", fill_skipped);
#undef WRITE
    if (rc == 0) {
        remove_stale(dir, written, nw);
        if (any_gb)
            rc = hs_write_cpu_effects(run, dir, err, errlen);
        if (rc == 0 && (any_gb || any_hf))
            rc = hs_write_charts(dir, err, errlen);
    }
    if (rc == 0) {
        rc = hs_atomic_write(md_path, fill_markdown, &a, err, errlen);
    }
    for (size_t i = 0; i < nw; i++)
        free(written[i]);
    free(written);
    return rc;
}
