/* hyperfine --export-json: results[].command and results[].times (seconds).
 * One file is one group; its first command is the group's reference. */
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FAIL(...)                                \
    do {                                         \
        snprintf(err, errlen, __VA_ARGS__);      \
        return -1;                               \
    } while (0)

/* <run>-hyperfine-<name>.json (mk/40-hyperfine.mk) is group <name>; any
 * other file is named by its base name. */
static void group_name(const char *path, char *out, size_t len)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *tag = strstr(base, "-hyperfine-");
    snprintf(out, len, "%s", tag ? tag + strlen("-hyperfine-") : base);
    char *dot = strrchr(out, '.');
    if (dot && strcmp(dot, ".json") == 0)
        *dot = '\0';
}

int hs_read_hyperfine(hs_set *set, hs_file *f, char *err, size_t errlen)
{
    const char *path = f->path;
    json_t *list = json_object_get(f->root, "results");
    if (!json_is_array(list))
        FAIL("%s: results: expected an array", path);
    if (json_array_size(list) == 0)
        FAIL("%s: results: empty (no command ran)", path);
    char group[256];
    group_name(path, group, sizeof group);
    if (hs_has_control(group))
        FAIL("%s: the file name holds a control character (it names the group)", path);
    for (size_t i = 0; i < json_array_size(list); i++) {
        json_t *r = json_array_get(list, i);
        if (!json_is_object(r))
            FAIL("%s: results[%zu]: expected an object", path, i);
        const char *cmd = json_string_value(json_object_get(r, "command"));
        if (!cmd)
            FAIL("%s: results[%zu].command: missing or not a string", path, i);
        if (hs_has_control(cmd))
            FAIL("%s: results[%zu].command: contains a control character (tab, newline, "
                 "...)", path, i);
        json_t *times = json_object_get(r, "times");
        if (!json_is_array(times))
            FAIL("%s: results[%zu].times: missing or not an array "
                 "(hyperfine --export-json writes it)", path, i);
        if (json_array_size(times) == 0)
            FAIL("%s: results[%zu].times: empty (no run)", path, i);
        hs_bench *b = hs_new_bench(set, group, f->cap, f);
        if (!b)
            FAIL("%s: out of memory", path);
        free(b->variant);
        if (!(b->variant = strdup(cmd)))
            FAIL("%s: out of memory", path);
        b->stage = "-";
        for (size_t k = 0; k < json_array_size(times); k++) {
            json_t *t = json_array_get(times, k);
            if (!json_is_number(t))
                FAIL("%s: results[%zu].times[%zu]: expected a number of seconds", path, i, k);
            /* checked in ns, after scaling: 1e308 s is finite, 1e317 ns not */
            const double ns = json_number_value(t) * 1e9;
            const char *why = hs_time_problem(ns, 0);
            if (why)
                FAIL("%s: results[%zu].times[%zu]: %.17g s is %s", path, i, k,
                     json_number_value(t), why);
            if (hs_add_sample(b, ns, NAN, NAN))
                FAIL("%s: out of memory", path);
        }
    }
    return 0;
}
