/* The files of a run, next to its JSON: <dir>/<run>.md and
 * <dir>/<run>/tables/<name>.tsv.  Each file is staged (written whole under a
 * temporary name, every write checked), then all are renamed together: a
 * reader never sees half a table, nor tables without their summary. */
#include "stats.h"

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

/* Staged files: each written whole under a temporary name beside its
 * target, then all renamed together by hs_commit_staged, so the outputs of
 * one invocation all appear or none do.  A fixed table, so the signal
 * handler can read it while the main code appends: a slot's pointer is set
 * before the count that exposes it. */
#define HS_MAX_STAGED 512
static char *staged_tmp[HS_MAX_STAGED], *staged_path[HS_MAX_STAGED];
static volatile sig_atomic_t nstaged;
static char *clean_dir; /* its .tsv files not staged are stale at commit */
static int created_dirs;  /* 1: <run>/tables is new, 2: <run>/ too; removed on discard */

void hs_remove_partial(void)
{
    for (sig_atomic_t i = 0; i < nstaged; i++)
        unlink(staged_tmp[i]);
}

static int write_tmp(const char *tmp, const char *path, void (*fill)(FILE *, const void *),
                     const void *arg, char *err, size_t errlen)
{
    FILE *f = fopen(tmp, "w");
    if (!f) {
        snprintf(err, errlen, "%s: cannot write: %s", tmp, strerror(errno));
        return -1;
    }
    fill(f, arg);
    /* fsync: the rename must not reach the disk before the data does */
    int bad = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
    const int e = errno;
    bad |= fclose(f) != 0;
    if (bad) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(bad ? e : errno));
        return -1;
    }
    return 0;
}

int hs_stage_write(const char *path, void (*fill)(FILE *, const void *), const void *arg,
                   char *err, size_t errlen)
{
    if (nstaged == HS_MAX_STAGED) {
        snprintf(err, errlen, "%s: more than %d output files", path, HS_MAX_STAGED);
        return -1;
    }
    char tmp[4096];
    if (hs_path(tmp, sizeof tmp, err, errlen, "%s.tmp.%ld", path, (long)getpid()))
        return -1;
    char *t = strdup(tmp), *p = strdup(path);
    if (!t || !p) {
        free(t);
        free(p);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    staged_tmp[nstaged] = t;
    staged_path[nstaged] = p;
    nstaged++; /* before the file exists: a signal now removes it too */
    if (write_tmp(t, p, fill, arg, err, errlen) != 0) {
        unlink(t);
        return -1;
    }
    return 0;
}

static void forget_staged(void)
{
    const sig_atomic_t n = nstaged;
    nstaged = 0;
    for (sig_atomic_t i = 0; i < n; i++) {
        free(staged_tmp[i]);
        free(staged_path[i]);
    }
    free(clean_dir);
    clean_dir = NULL;
}

void hs_discard_staged(void)
{
    hs_remove_partial();
    if (clean_dir && created_dirs) {
        rmdir(clean_dir);
        char *slash = strrchr(clean_dir, '/');
        if (slash && created_dirs == 2) {
            *slash = '\0';
            rmdir(clean_dir);
        }
    }
    forget_staged();
}

static int is_staged(const char *dir, const char *name)
{
    const size_t dl = strlen(dir);
    for (sig_atomic_t i = 0; i < nstaged; i++)
        if (strncmp(staged_path[i], dir, dl) == 0 && staged_path[i][dl] == '/' &&
            strcmp(staged_path[i] + dl + 1, name) == 0)
            return 1;
    return 0;
}

/* Tables of an earlier analysis of the same run that this one did not
 * write (a family gone, no baseline this time) would mislead: remove them. */
static void remove_stale(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        const size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".tsv") != 0 || is_staged(dir, e->d_name))
            continue;
        char p[4096], err[64];
        if (hs_path(p, sizeof p, err, sizeof err, "%s/%s", dir, e->d_name) == 0)
            unlink(p);
    }
    closedir(d);
}

int hs_commit_staged(char *err, size_t errlen)
{
    /* Every target that cannot be replaced (a directory, a device) fails the
     * whole set first; a symbolic link to a file is replaced, as before. */
    for (sig_atomic_t i = 0; i < nstaged; i++) {
        struct stat st;
        if (stat(staged_path[i], &st) == 0 && !S_ISREG(st.st_mode)) {
            snprintf(err, errlen, "%s: cannot write: exists and is not a regular file; "
                                  "nothing written", staged_path[i]);
            hs_discard_staged();
            return -1;
        }
    }
    /* No signal between the renames: the set appears whole. */
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    int rc = 0;
    sig_atomic_t i = 0;
    for (; i < nstaged && rc == 0; i++)
        if (rename(staged_tmp[i], staged_path[i]) != 0) {
            snprintf(err, errlen, "%s: cannot write: %s (%d of %d files in place)",
                     staged_path[i], strerror(errno), (int)i, (int)nstaged);
            rc = -1;
        }
    for (sig_atomic_t k = rc ? i - 1 : nstaged; k < nstaged; k++)
        unlink(staged_tmp[k]);
    if (rc == 0 && clean_dir)
        remove_stale(clean_dir);
    forget_staged();
    sigprocmask(SIG_SETMASK, &old, NULL);
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
                                       "hp_commit", "host_name"};
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
    struct stat st;
    if (hs_path(md_path, md_len, err, errlen, "%s.md", stem) ||
        hs_path(dir, sizeof dir, err, errlen, "%s/tables", stem))
        return -1;
    const int created = stat(dir, &st) != 0 ? 1 + (stat(stem, &st) != 0) : 0;
    if (hs_mkdirs(dir, err, errlen) != 0)
        return -1;
    if (!(clean_dir = strdup(dir))) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    created_dirs = created;

    table_arg a = {run, NULL, baseline, o};
    int rc = 0;
#define WRITE(name, fn)                                                            \
    do {                                                                           \
        if (rc == 0) {                                                             \
            rc = hs_path(path, sizeof path, err, errlen, "%s/%s", dir, name);      \
            if (rc == 0)                                                           \
                rc = hs_stage_write(path, fn, &a, err, errlen);                    \
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
    if (any_hf)
        WRITE("hyperfine.tsv", fill_hyperfine);
    if (any_skip)
        WRITE("skipped.tsv", fill_skipped);
#undef WRITE
    if (rc == 0)
        rc = hs_stage_write(md_path, fill_markdown, &a, err, errlen);
    return rc;
}
