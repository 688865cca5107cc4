/* libFuzzer target: hotpath-stats' readers (Google Benchmark JSON, hyperfine
 * JSON, make bench-instructions files, chosen by the top level as in
 * hs_read_file) and everything a file that passes them reaches: the
 * bootstrap, the comparison with a baseline (the same document read twice)
 * and every output format.  A rejected input must leave only its message;
 * an accepted one must analyse and print without a sanitizer report. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "stats.h"

static int read_doc(hs_set *set, const uint8_t *data, size_t n)
{
    json_error_t je;
    json_t *root = json_loadb((const char *)data, n, 0, &je);
    if (!root)
        return -1;
    char err[1024];
    return hs_read_json(set, "results/fuzz.json", root, err, sizeof err) != 0 ||
                   hs_sort_benches(set) != 0
               ? -1
               : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
    static FILE *sink;
    if (!sink && !(sink = fopen("/dev/null", "w")))
        abort();
    hs_set run = {0}, base = {0};
    if (read_doc(&run, data, n) == 0 && read_doc(&base, data, n) == 0) {
        /* few resamples: the bootstrap's paths, not its precision */
        const hs_options o = {.resamples = 50, .seed = 1, .noise = 0.02,
                              .significance = 0.05, .threads = 1};
        hs_compare_icounts(&run, &base);
        if (hs_analyze(&run, &base, &o) == 0) {
            hs_print_text(sink, &run, 1);
            hs_print_icount_text(sink, &run, 1);
            hs_print_markdown(sink, &run, "fuzz", &o);
            hs_print_tsv_header(sink);
            for (size_t i = 0; i < run.n; i++) {
                if (run.b[i].file->kind == HS_KIND_GBENCH && !run.b[i].skip)
                    hs_print_tsv_row(sink, &run.b[i]);
                if (run.b[i].base)
                    hs_print_change_row(sink, &run.b[i]);
                if (run.b[i].file->kind == HS_KIND_HYPERFINE)
                    hs_print_hyperfine_row(sink, &run.b[i]);
            }
            hs_print_icount_tsv(sink, &run);
        }
    }
    hs_set_free(&run);
    hs_set_free(&base);
    return 0;
}
