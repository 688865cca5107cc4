/* Baselines: results/baselines/NAME.json, a Google Benchmark file joining
 * the entries of every input file, each tagged with its file's ISA cap
 * ("hp_isa_cap"), so a later run compares cap by cap.  Written atomically:
 * a failed or interrupted run never replaces a baseline. */
#include "stats.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

int hs_baseline_name_ok(const char *name)
{
    if (!*name || *name == '.' || strlen(name) > 100)
        return 0;
    for (const char *s = name; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '.'))
            return 0;
    return 1;
}

static void dump(FILE *out, const void *root)
{
    json_dumpf((const json_t *)root, out, JSON_INDENT(1));
    fputc('\n', out);
}

int hs_save_baseline(const hs_set *run, const char *dir, const char *name, char *err,
                     size_t errlen)
{
    char path[4096];
    if (hs_path(path, sizeof path, err, errlen, "%s/baselines", dir) ||
        hs_mkdirs(path, err, errlen) != 0)
        return -1;
    json_t *root = json_object(), *list = json_array(), *files = json_array();
    int rc = root && list && files ? 0 : -1;
    for (size_t i = 0; i < run->nf && rc == 0; i++) {
        const hs_file *f = run->f[i];
        if (f->kind != HS_KIND_GBENCH)
            continue;
        if (!json_object_get(root, "context")) {
            json_t *ctx = json_object_get(f->root, "context");
            if (ctx)
                rc |= json_object_set(root, "context", ctx);
        }
        rc |= json_array_append_new(files, json_string(f->path));
        json_t *b = json_object_get(f->root, "benchmarks");
        for (size_t k = 0; k < json_array_size(b) && rc == 0; k++) {
            json_t *e = json_copy(json_array_get(b, k));
            rc |= !e || json_object_set_new(e, "hp_isa_cap", json_string(f->cap)) ||
                  json_array_append_new(list, e);
        }
    }
    if (rc == 0 && json_array_size(files) == 0) {
        json_decref(root);
        json_decref(list);
        json_decref(files);
        snprintf(err, errlen, "baseline %s: no Google Benchmark file in this run to save", name);
        return -1;
    }
    if (rc == 0) {
        rc |= json_object_set_new(root, "hp_baseline_of", files);
        files = NULL;
        rc |= json_object_set_new(root, "benchmarks", list);
        list = NULL;
    }
    json_decref(files);
    json_decref(list);
    if (rc != 0) {
        json_decref(root);
        snprintf(err, errlen, "baseline %s: out of memory", name);
        return -1;
    }
    rc = hs_path(path, sizeof path, err, errlen, "%s/baselines/%s.json", dir, name);
    if (rc == 0)
        rc = hs_stage_write(path, dump, root, err, errlen);
    json_decref(root);
    return rc;
}

int hs_load_baseline(hs_set *base, const char *dir, const char *name, char *err, size_t errlen)
{
    char path[4096];
    if (hs_path(path, sizeof path, err, errlen, "%s/baselines/%s.json", dir, name))
        return -1;
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "baseline %s: %s: %s (save one with --save-baseline %s)", name,
                 path, strerror(errno), name);
        return -1;
    }
    return hs_read_file(base, path, err, errlen);
}
