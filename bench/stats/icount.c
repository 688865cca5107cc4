/* Instruction counts: exact comparison with a baseline, the terminal
 * blocks, instructions.tsv, the Markdown table and the baseline file
 * RESULTS/baselines/NAME-instructions.json.  Counts are deterministic, so
 * any difference is a change: no interval, no p-value, no noise threshold. */
#include "stats.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define IND "                        "

void hs_icount_free(hs_set *set)
{
    for (size_t i = 0; i < set->nic; i++) {
        hs_icount *c = &set->ic[i];
        free(c->name);
        free(c->family);
        free(c->variant);
        free(c->unit);
        free(c->skip);
    }
    free(set->ic);
    set->ic = NULL;
    set->nic = set->allocic = 0;
}

hs_icount *hs_find_icount(const hs_set *set, const char *name)
{
    for (size_t i = 0; i < set->nic; i++)
        if (strcmp(set->ic[i].name, name) == 0)
            return &set->ic[i];
    return NULL;
}

void hs_compare_icounts(hs_set *run, const hs_set *base)
{
    for (size_t i = 0; i < run->nic; i++) {
        hs_icount *c = &run->ic[i];
        const hs_icount *b = hs_find_icount(base, c->name);
        c->has_base = !c->skip && b && !b->skip;
        c->base = c->has_base ? b->count : 0;
    }
}

double hs_icount_change_pct(const hs_icount *c)
{
    if (c->base == 0) /* from nothing: any instruction is an infinite change */
        return c->count == 0 ? 0.0 : INFINITY;
    return 100.0 * ((double)c->count - (double)c->base) / (double)c->base;
}

const char *hs_icount_verdict(const hs_icount *c)
{
    if (c->count == c->base)
        return "No change in instruction count.";
    return c->count > c->base ? "Instruction count has increased."
                              : "Instruction count has decreased.";
}

void hs_print_icount_text(FILE *out, const hs_set *run, int compared)
{
    for (size_t i = 0; i < run->nic; i++) {
        const hs_icount *c = &run->ic[i];
        fprintf(out, "%s\n", c->name);
        if (c->skip) {
            fprintf(out, IND "skipped: %s\n", c->skip);
            continue;
        }
        fprintf(out, IND "instructions: %llu per call\n", c->count);
        if (c->has_base)
            fprintf(out, IND "change: %+.2f%% (%llu -> %llu)\n" IND "%s\n",
                    hs_icount_change_pct(c), c->base, c->count, hs_icount_verdict(c));
        else if (compared)
            fprintf(out, IND "change: not in the baseline\n");
    }
}

void hs_print_icount_tsv(FILE *out, const hs_set *run)
{
    fputs("name\tfamily\tvariant\tsize\tinstructions\tbase_instructions\tchange_pct\n", out);
    for (size_t i = 0; i < run->nic; i++) {
        const hs_icount *c = &run->ic[i];
        if (c->skip)
            continue;
        fprintf(out, "%s\t%s\t%s\t%llu\t%llu\t", c->name, c->family, c->variant, c->size,
                c->count);
        if (c->has_base)
            fprintf(out, "%llu\t%.4f\n", c->base, hs_icount_change_pct(c));
        else
            fputs("-\t-\n", out);
    }
}

void hs_print_icount_markdown(FILE *out, const hs_set *run, const char *baseline)
{
    if (run->nic == 0)
        return;
    fputs("\n## Instructions per call (callgrind, exact)\n\n", out);
    if (baseline)
        fprintf(out, "| measurement | instructions | baseline `%s` | change | verdict |\n"
                     "|---|--:|--:|--:|---|\n", baseline);
    else
        fputs("| measurement | instructions |\n|---|--:|\n", out);
    for (size_t i = 0; i < run->nic; i++) {
        const hs_icount *c = &run->ic[i];
        if (c->skip)
            fprintf(out, "| `%s` | skipped |%s\n", c->name, baseline ? " | | |" : "");
        else if (c->has_base)
            fprintf(out, "| `%s` | %llu | %llu | %+.2f%% | %s |\n", c->name, c->count, c->base,
                    hs_icount_change_pct(c), hs_icount_verdict(c));
        else
            fprintf(out, "| `%s` | %llu |%s\n", c->name, c->count,
                    baseline ? " - | - | not in the baseline |" : "");
    }
}

static void dump(FILE *out, const void *root)
{
    json_dumpf((const json_t *)root, out, JSON_INDENT(1));
    fputc('\n', out);
}

/* The instruction files of the run joined into one, like baseline.c joins
 * Google Benchmark files; written atomically. */
int hs_save_icount_baseline(const hs_set *run, const char *dir, const char *name, char *err,
                            size_t errlen)
{
    char path[4096];
    if (hs_path(path, sizeof path, err, errlen, "%s/baselines", dir) ||
        hs_mkdirs(path, err, errlen) != 0)
        return -1;
    json_t *root = json_object(), *list = json_array(), *skipped = json_array(),
           *files = json_array();
    int rc = root && list && skipped && files ? 0 : -1;
    for (size_t i = 0; i < run->nf && rc == 0; i++) {
        const hs_file *f = run->f[i];
        if (f->kind != HS_KIND_INSTRUCTIONS)
            continue;
        json_t *ctx = json_object_get(f->root, "context");
        if (ctx && !json_object_get(root, "context"))
            rc |= json_object_set(root, "context", ctx);
        rc |= json_array_append_new(files, json_string(f->path));
        rc |= json_array_extend(list, json_object_get(f->root, "instructions"));
        json_t *s = json_object_get(f->root, "skipped");
        if (s)
            rc |= json_array_extend(skipped, s);
    }
    if (rc == 0) {
        rc |= json_object_set_new(root, "hp_baseline_of", files);
        rc |= json_object_set_new(root, "instructions", list);
        rc |= json_object_set_new(root, "skipped", skipped);
    } else {
        json_decref(files);
        json_decref(list);
        json_decref(skipped);
    }
    if (rc != 0) {
        json_decref(root);
        snprintf(err, errlen, "baseline %s: out of memory", name);
        return -1;
    }
    rc = hs_path(path, sizeof path, err, errlen, "%s/baselines/%s-instructions.json", dir, name);
    if (rc == 0)
        rc = hs_stage_write(path, dump, root, err, errlen);
    json_decref(root);
    return rc;
}

int hs_load_icount_baseline(hs_set *base, const char *dir, const char *name, char *err,
                            size_t errlen)
{
    char path[4096];
    if (hs_path(path, sizeof path, err, errlen, "%s/baselines/%s-instructions.json", dir, name))
        return -1;
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "baseline %s: %s: %s (save one with make bench-instructions "
                              "SAVE_BASELINE=%s)", name, path, strerror(errno), name);
        return -1;
    }
    const size_t nf = base->nf;
    if (hs_read_file(base, path, err, errlen) != 0)
        return -1;
    if (base->f[nf]->kind != HS_KIND_INSTRUCTIONS) {
        snprintf(err, errlen, "%s: not an instructions file (no \"instructions\" array)", path);
        return -1;
    }
    return 0;
}
