/* The files of a run, next to its JSON: <dir>/<run>.md and
 * <dir>/<run>/tables/<name>.tsv (the chart tables in tables/charts/).  All
 * are written whole, every write checked, then appear together: a reader
 * never sees half a table, nor tables without their summary. */
#include "stats.h"
#include "charts.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h> /* RENAME_EXCHANGE */
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
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

/* The outputs of one invocation all appear or none do.  The tables are
 * written into a fresh directory beside their own, <run>/tables.tmp.<pid>,
 * which replaces <run>/tables in one exchange at commit (so no stale table
 * of an earlier analysis survives either).  The summary and the baselines
 * are staged: each written whole under a temporary name beside its target.
 * hs_commit_staged then makes all of them appear, signals blocked.  The
 * state is in fixed tables that the signal handler can read while the main
 * code appends: a slot is filled before the count that exposes it. */
#define HS_MAX_STAGED 64
static char *staged_tmp[HS_MAX_STAGED], *staged_path[HS_MAX_STAGED];
static volatile sig_atomic_t nstaged;
static char tables_tmp[4096], tables_dir[4096]; /* "" when no tables */
static char stem_dir[4096];                     /* removed on discard if new */
static int stem_created;
/* hs_atomic_write's file in progress (the chart tables, in tables_tmp) */
static char atomic_tmp[4096];
static volatile sig_atomic_t atomic_writing;

/* Removes dir and everything in it, at most two levels (tables/charts/).
 * Only system calls and static buffers: safe in a signal handler. */
static void remove_tree(const char *dir, int depth)
{
    static char buf[2][4096];
    const int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0 && depth < 2) {
        long n;
        while ((n = syscall(SYS_getdents64, fd, buf[depth], sizeof buf[depth])) > 0)
            for (long off = 0; off < n;) {
                const struct linux_dirent64 {
                    uint64_t ino;
                    int64_t off;
                    unsigned short reclen;
                    unsigned char type;
                    char name[];
                } *e = (const void *)(buf[depth] + off);
                off += e->reclen;
                if (!strcmp(e->name, ".") || !strcmp(e->name, ".."))
                    continue;
                if (unlinkat(fd, e->name, 0) != 0 && errno == EISDIR) {
                    char sub[4096];
                    size_t dl = strlen(dir), nl = strlen(e->name);
                    if (dl + nl + 2 <= sizeof sub) {
                        memcpy(sub, dir, dl);
                        sub[dl] = '/';
                        memcpy(sub + dl + 1, e->name, nl + 1);
                        remove_tree(sub, depth + 1);
                    }
                }
            }
    }
    if (fd >= 0)
        close(fd);
    rmdir(dir);
}

void hs_remove_partial(void)
{
    for (sig_atomic_t i = 0; i < nstaged; i++)
        unlink(staged_tmp[i]);
    if (atomic_writing)
        unlink(atomic_tmp);
    if (tables_tmp[0])
        remove_tree(tables_tmp, 0);
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

int hs_atomic_write(const char *path, void (*fill)(FILE *, const void *), const void *arg,
                    char *err, size_t errlen)
{
    if (hs_path(atomic_tmp, sizeof atomic_tmp, err, errlen, "%s.tmp.%ld", path, (long)getpid()))
        return -1;
    atomic_writing = 1;
    int rc = write_tmp(atomic_tmp, path, fill, arg, err, errlen);
    if (rc == 0 && rename(atomic_tmp, path) != 0) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        rc = -1;
    }
    if (rc != 0)
        unlink(atomic_tmp);
    atomic_writing = 0;
    return rc;
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

const char *hs_staged_path(const char *path)
{
    for (sig_atomic_t i = 0; i < nstaged; i++)
        if (strcmp(staged_path[i], path) == 0)
            return staged_tmp[i];
    return path;
}

const char *hs_staged_tables(void)
{
    return tables_tmp[0] ? tables_tmp : NULL;
}

static void forget_staged(void)
{
    const sig_atomic_t n = nstaged;
    nstaged = 0;
    for (sig_atomic_t i = 0; i < n; i++) {
        free(staged_tmp[i]);
        free(staged_path[i]);
    }
    tables_tmp[0] = tables_dir[0] = stem_dir[0] = '\0';
}

void hs_discard_staged(void)
{
    hs_remove_partial();
    if (stem_dir[0] && stem_created)
        rmdir(stem_dir); /* only if empty: nothing but ours was there */
    forget_staged();
}

/* Exchanges the directories a and b in one step; where the file system
 * has no RENAME_EXCHANGE (EINVAL: some network and union file systems;
 * ENOSYS: old kernels), in three renames through a third name, which
 * leaves one short moment with neither at b.  0, or -1 with errno. */
static int swap_dirs(const char *a, const char *b)
{
    if (syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
    char aside[4200];
    if (snprintf(aside, sizeof aside, "%s.swap", a) >= (int)sizeof aside) {
        errno = ENAMETOOLONG;
        return -1;
    }
    if (rename(b, aside) != 0)
        return -1;
    if (rename(a, b) != 0) {
        const int e = errno;
        rename(aside, b);
        errno = e;
        return -1;
    }
    return rename(aside, a);
}

int hs_commit_staged(char *err, size_t errlen)
{
    /* Every target that cannot be replaced (a directory where a file goes,
     * a file where the tables go) fails the whole set first; a symbolic
     * link to a file is replaced, as before. */
    struct stat st;
    for (sig_atomic_t i = 0; i < nstaged; i++)
        if (stat(staged_path[i], &st) == 0 && !S_ISREG(st.st_mode)) {
            snprintf(err, errlen, "%s: cannot write: exists and is not a regular file; "
                                  "nothing written", staged_path[i]);
            hs_discard_staged();
            return -1;
        }
    const int swap = tables_tmp[0] && stat(tables_dir, &st) == 0;
    if (swap && !S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: cannot write: exists and is not a directory; nothing "
                              "written", tables_dir);
        hs_discard_staged();
        return -1;
    }
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    int rc = 0;
    /* the new tables in place, the old ones (if any) at the temporary name */
    if (tables_tmp[0] &&
        (swap ? swap_dirs(tables_tmp, tables_dir) != 0
              : rename(tables_tmp, tables_dir) != 0)) {
        snprintf(err, errlen, "%s: cannot write: %s; nothing written", tables_dir,
                 strerror(errno));
        rc = -1;
    }
    sig_atomic_t i = 0;
    for (; rc == 0 && i < nstaged; i++)
        if (rename(staged_tmp[i], staged_path[i]) != 0) {
            snprintf(err, errlen, "%s: cannot write: %s", staged_path[i], strerror(errno));
            rc = -1;
        }
    if (rc != 0 && i == 1 && tables_tmp[0]) {
        /* the first file failed: the tables go back, nothing appeared */
        if (swap)
            swap_dirs(tables_tmp, tables_dir);
        else
            rename(tables_dir, tables_tmp);
        strncat(err, "; nothing written", errlen - strlen(err) - 1);
    } else if (rc != 0 && i > 1) {
        char more[64];
        snprintf(more, sizeof more, " (%d of %d files were in place)", (int)i - 1,
                 (int)nstaged);
        strncat(err, more, errlen - strlen(err) - 1);
    }
    for (sig_atomic_t k = rc ? (i ? i - 1 : 0) : nstaged; k < nstaged; k++)
        unlink(staged_tmp[k]);
    if (tables_tmp[0]) /* the old tables, or the new ones rolled back */
        remove_tree(tables_tmp, 0);
    if (rc != 0 && stem_created)
        rmdir(stem_dir);
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
        hs_path(tables_dir, sizeof tables_dir, err, errlen, "%s/tables", stem) ||
        hs_path(dir, sizeof dir, err, errlen, "%s/tables.tmp.%ld", stem, (long)getpid()) ||
        hs_path(stem_dir, sizeof stem_dir, err, errlen, "%s", stem))
        return -1;
    stem_created = stat(stem, &st) != 0;
    if (hs_mkdirs(stem, err, errlen) != 0)
        return -1;
    if (mkdir(dir, 0777) != 0) {
        snprintf(err, errlen, "%s: cannot create: %s", dir, strerror(errno));
        return -1;
    }
    memcpy(tables_tmp, dir, sizeof tables_tmp); /* from here a signal removes it */

    table_arg a = {run, NULL, baseline, o};
    int rc = 0;
#define WRITE(name, fn)                                                            \
    do {                                                                           \
        if (rc == 0) {                                                             \
            rc = hs_path(path, sizeof path, err, errlen, "%s/%s", dir, name);      \
            if (rc == 0) /* the directory is new: its files need no temp name */ \
                rc = write_tmp(path, path, fn, &a, err, errlen);                   \
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
    /* from the tables just written, in the new directory */
    if (rc == 0 && any_gb)
        rc = hs_write_cpu_effects(run, dir, err, errlen);
    if (rc == 0 && (any_gb || any_hf))
        rc = hs_write_charts(dir, err, errlen);
    if (rc == 0)
        rc = hs_stage_write(md_path, fill_markdown, &a, err, errlen);
    return rc;
}
