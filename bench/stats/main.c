/* hotpath-stats: criterion-style statistics over hotpath's result files
 * (Google Benchmark JSON, hyperfine JSON and make bench-instructions
 * counts).  See README.md, "Statistics".
 * Exit status: 0 done, 1 bad input or a file it could not write, 2 bad
 * command line, 3 a regression beyond --fail-on-regression. */
#include "charts.h"
#include "paired.h"
#include "stats.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(FILE *out)
{
    fputs("usage: hotpath-stats [options] FILE...\n"
          "       hotpath-stats --charts TABLES  (the chart tables of an earlier run's\n"
          "                          tables directory, into TABLES/charts/)\n"
          "       hotpath-stats --cpu-effects FILE  (milestone 7's derived figures of a\n"
          "                          run: misprediction cost, latency per cache level, ILP)\n"
          "  FILE                    Google Benchmark JSON (hotpath-bench --hp_out) or\n"
          "                          hyperfine --export-json; several Google Benchmark\n"
          "                          files are one run at several ISA caps; or\n"
          "                          RESULTS/<run>-instructions.json (make bench-instructions)\n"
          "  --replicate FILE        another process of the same run (make bench PROCS=K):\n"
          "                          its paired rounds join the first file's (repeatable)\n"
          "  --baseline NAME         compare with RESULTS/baselines/NAME.json (instruction\n"
          "                          counts: NAME-instructions.json, compared exactly)\n"
          "  --save-baseline NAME    store this run as RESULTS/baselines/NAME.json\n"
          "                          (instruction counts: NAME-instructions.json)\n"
          "  --fail-on-regression PCT  exit 3 if a benchmark regressed by more than PCT %\n"
          "                          with significance, or an instruction count grew by\n"
          "                          more than PCT % (needs --baseline)\n"
          "  --resamples N           bootstrap resamples (default 100000)\n"
          "  --seed S                bootstrap seed (default 1): same input, same output\n"
          "  --noise PCT             noise threshold of the verdicts (default 2)\n"
          "  --fdr PCT               false discovery rate of the verdicts over the whole\n"
          "                          run, Benjamini-Hochberg (default 5); 0: each\n"
          "                          comparison alone at p < 0.05\n"
          "  --format F              text (default), markdown or tsv on stdout\n"
          "  --results-dir DIR       where baselines/ lives (default ./results)\n"
          "  --threads N             worker threads (default: every online CPU)\n"
          "  --time cpu|real         Google Benchmark clock to analyse (default cpu: on a\n"
          "                          shared machine, preemption inflates real time)\n"
          "The Markdown summary and the TSV tables are always written next to the\n"
          "first Google Benchmark file: <run>.md and <run>/tables/, the chart tables\n"
          "in <run>/tables/charts/ (docs/tables.md).\n"
          "Exit status: 0 done, 1 bad input or a file not written, 2 bad command\n"
          "line, 3 a regression beyond --fail-on-regression.\n", out);
}

static int parse_num(const char *opt, const char *s, double lo, double hi, double *out)
{
    char *end;
    const double v = strtod(s, &end);
    if (end == s || *end != '\0' || !(v >= lo && v <= hi)) {
        fprintf(stderr, "hotpath-stats: %s: expected a number from %g to %g, got \"%s\"\n", opt,
                lo, hi, s);
        return -1;
    }
    *out = v;
    return 0;
}

static int parse_uint(const char *opt, const char *s, unsigned long long lo,
                      unsigned long long hi, unsigned long long *out)
{
    char *end;
    const unsigned long long v = strtoull(s, &end, 10);
    if (end == s || *end != '\0' || *s == '-' || v < lo || v > hi) {
        fprintf(stderr, "hotpath-stats: %s: expected an integer from %llu to %llu, got \"%s\"\n",
                opt, lo, hi, s);
        return -1;
    }
    *out = v;
    return 0;
}

#define MAX_REPLICATES (HS_PAIR_MAX_PROCS - 1)

typedef struct cli {
    const char *baseline, *save, *format, *results, *charts, *effects;
    const char *replicates[MAX_REPLICATES];
    int n_replicates;
    double fail_pct;
    int real_time;
    hs_options o;
} cli;

static int parse(int argc, char **argv, cli *c)
{
    enum { BASE = 1, SAVE, FAIL, RES, SEED, NOISE, FDR, FMT, DIR_, THREADS, TIME, HELP, CHARTS,
           EFFECTS, REPL };
    static const struct option opts[] = {
        {"baseline", required_argument, 0, BASE},
        {"save-baseline", required_argument, 0, SAVE},
        {"fail-on-regression", required_argument, 0, FAIL},
        {"resamples", required_argument, 0, RES},
        {"seed", required_argument, 0, SEED},
        {"noise", required_argument, 0, NOISE},
        {"fdr", required_argument, 0, FDR},
        {"format", required_argument, 0, FMT},
        {"results-dir", required_argument, 0, DIR_},
        {"threads", required_argument, 0, THREADS},
        {"time", required_argument, 0, TIME},
        {"help", no_argument, 0, HELP},
        {"replicate", required_argument, 0, REPL},
        {"charts", required_argument, 0, CHARTS},
        {"cpu-effects", required_argument, 0, EFFECTS},
        {0, 0, 0, 0},
    };
    int ch;
    unsigned long long u;
    double d;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (ch) {
        case BASE:
        case SAVE:
            if (!hs_baseline_name_ok(optarg)) {
                fprintf(stderr, "hotpath-stats: baseline name \"%s\": use letters, digits, "
                                "'_', '-' and '.' (not first)\n", optarg);
                return -1;
            }
            *(ch == BASE ? &c->baseline : &c->save) = optarg;
            break;
        case FAIL:
            if (parse_num("--fail-on-regression", optarg, 0, 1e6, &c->fail_pct))
                return -1;
            break;
        case RES:
            if (parse_uint("--resamples", optarg, 2, 100000000, &u))
                return -1;
            c->o.resamples = (size_t)u;
            break;
        case SEED:
            if (parse_uint("--seed", optarg, 0, UINT64_MAX, &u))
                return -1;
            c->o.seed = u;
            break;
        case NOISE:
            if (parse_num("--noise", optarg, 0, 1e6, &d))
                return -1;
            c->o.noise = d / 100;
            break;
        case FDR:
            if (parse_num("--fdr", optarg, 0, 50, &d))
                return -1;
            c->o.fdr = d / 100;
            break;
        case FMT:
            if (strcmp(optarg, "text") && strcmp(optarg, "markdown") && strcmp(optarg, "tsv")) {
                fprintf(stderr, "hotpath-stats: --format: text, markdown or tsv, not \"%s\"\n",
                        optarg);
                return -1;
            }
            c->format = optarg;
            break;
        case DIR_:
            c->results = optarg;
            break;
        case THREADS:
            if (parse_uint("--threads", optarg, 1, 64, &u))
                return -1;
            c->o.threads = (int)u;
            break;
        case TIME:
            if (strcmp(optarg, "cpu") != 0 && strcmp(optarg, "real") != 0) {
                fprintf(stderr, "hotpath-stats: --time: expected cpu or real, got \"%s\"\n",
                        optarg);
                return -1;
            }
            c->real_time = strcmp(optarg, "real") == 0;
            break;
        case REPL:
            if (c->n_replicates == MAX_REPLICATES) {
                fprintf(stderr, "hotpath-stats: --replicate: at most %d\n", MAX_REPLICATES);
                return -1;
            }
            c->replicates[c->n_replicates++] = optarg;
            break;
        case CHARTS:
            c->charts = optarg;
            break;
        case EFFECTS:
            c->effects = optarg;
            break;
        case HELP:
            usage(stdout);
            exit(0);
        default:
            usage(stderr);
            return -1;
        }
    }
    if ((c->charts || c->effects) && (optind != argc || (c->charts && c->effects))) {
        fputs("hotpath-stats: --charts TABLES and --cpu-effects FILE stand alone\n", stderr);
        return -1;
    }
    if (optind == argc && !c->charts && !c->effects) {
        fputs("hotpath-stats: no input file\n", stderr);
        usage(stderr);
        return -1;
    }
    if (!isnan(c->fail_pct) && !c->baseline) {
        fputs("hotpath-stats: --fail-on-regression needs --baseline NAME\n", stderr);
        return -1;
    }
    return 0;
}

static void print_stdout(const cli *c, const hs_set *run, const hs_pairs *pairs)
{
    if (strcmp(c->format, "markdown") == 0) {
        hs_print_markdown(stdout, run, c->baseline, &c->o);
    } else if (strcmp(c->format, "tsv") == 0) {
        hs_print_tsv_header(stdout);
        for (size_t i = 0; i < run->n; i++)
            if (run->b[i].file->kind == HS_KIND_GBENCH && !run->b[i].skip)
                hs_print_tsv_row(stdout, &run->b[i]);
    } else {
        hs_print_text(stdout, run, c->baseline != NULL);
        const hs_fdr_count fc = hs_fdr_summary(run, &c->o);
        hs_print_fdr_summary(stdout, &fc, &c->o, "");
        hs_print_icount_text(stdout, run, c->baseline != NULL);
        hs_pairs_print_text(stdout, pairs);
        if (pairs->n)
            hs_pairs_print_fdr(stdout, pairs, &c->o);
        hs_pairs_print_calibration(stdout, pairs);
    }
}

/* Regressed beyond PCT with significance: the p-value adjusted across the
 * run below the false discovery rate (or p < significance without FDR
 * control) and the whole interval of the change above PCT. */
static int regressions(const cli *c, const hs_set *run)
{
    int count = 0;
    for (size_t i = 0; i < run->n; i++) {
        const hs_bench *b = &run->b[i];
        const double level = c->o.fdr > 0 ? c->o.fdr : c->o.significance;
        if (b->base && b->q < level && b->change.lo > c->fail_pct / 100) {
            fprintf(stderr, "hotpath-stats: regression beyond %g%%: %s (cap %s) %+.2f%% "
                            "[%+.2f%% %+.2f%%], p = %.3g, q = %.3g\n", c->fail_pct, b->name,
                    b->cap, 100 * b->change.est, 100 * b->change.lo, 100 * b->change.hi, b->p,
                    b->q);
            count++;
        }
    }
    for (size_t i = 0; i < run->nic; i++) {
        const hs_icount *ic = &run->ic[i];
        if (ic->has_base && hs_icount_change_pct(ic) > c->fail_pct) {
            fprintf(stderr, "hotpath-stats: regression beyond %g%%: %s %+.2f%% instructions "
                            "(%llu -> %llu)\n", c->fail_pct, ic->name, hs_icount_change_pct(ic),
                    ic->base, ic->count);
            count++;
        }
    }
    return count;
}

/* An interrupted run leaves no output at all: every file is staged under
 * a temporary name until all are renamed together. */
static void on_signal(int sig)
{
    hs_remove_partial();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Every signal that ends the process without a crash (crash signals belong
 * to the sanitizers); one the caller ignores stays ignored.  SIGXFSZ is
 * ignored: an over-limit write fails with EFBIG and is reported. */
static void install_handlers(void)
{
    static const int sigs[] = {SIGHUP,  SIGINT,  SIGQUIT,   SIGPIPE, SIGALRM, SIGTERM,
                               SIGUSR1, SIGUSR2, SIGVTALRM, SIGXCPU, SIGPROF};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old;
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            signal(sigs[i], on_signal);
    }
    signal(SIGXFSZ, SIG_IGN);
}

int main(int argc, char **argv)
{
    const long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    cli c = {.format = "text", .results = "results", .fail_pct = NAN,
             .o = {.resamples = 100000, .seed = 1, .noise = 0.02, .significance = 0.05,
                   .threads = ncpu > 0 ? (int)(ncpu < 64 ? ncpu : 64) : 1, .fdr = 0.05}};
    if (parse(argc, argv, &c) != 0)
        return 2;
    if (c.charts) {
        char err[8192];
        if (hs_write_charts(c.charts, err, sizeof err) != 0) {
            fprintf(stderr, "hotpath-stats: %s\n", err);
            return 1;
        }
        fprintf(stderr, "hotpath-stats: wrote %s/charts/\n", c.charts);
        return 0;
    }
    if (c.effects) {
        char err[8192];
        if (hs_cpu_effects_report(stdout, c.effects, err, sizeof err) != 0) {
            fprintf(stderr, "hotpath-stats: %s\n", err);
            return 1;
        }
        return 0;
    }

    install_handlers();
    hs_set run = {.real_time = c.real_time}, base = {.real_time = c.real_time};
    char err[8192], md[4096];
    int rc = 0;
    for (int i = optind; i < argc && rc == 0; i++)
        rc = hs_read_file(&run, argv[i], err, sizeof err);
    /* Plain statistics need no registry; stages, speedups over the
     * reference and the journey order do (docs/json.md, "Registry"). */
    for (size_t i = 0; rc == 0 && i < run.nf; i++)
        if (run.f[i]->kind == HS_KIND_GBENCH && run.f[i]->no_registry)
            fprintf(stderr, "hotpath-stats: note: %s: %s; without it no stage, no speedup over "
                            "the reference and no journey order: re-run make bench\n",
                    run.f[i]->path, run.f[i]->no_registry);
    if (rc == 0 && hs_sort_benches(&run) != 0) {
        snprintf(err, sizeof err, "out of memory");
        rc = -1;
    }
    /* Timed files and instruction counts each have their baseline file. */
    int timed = 0, counted = 0;
    for (size_t i = 0; i < run.nf; i++) {
        timed |= run.f[i]->kind != HS_KIND_INSTRUCTIONS;
        counted |= run.f[i]->kind == HS_KIND_INSTRUCTIONS;
    }
    if (rc == 0 && c.baseline && timed)
        rc = hs_load_baseline(&base, c.results, c.baseline, err, sizeof err);
    if (rc == 0 && c.baseline && counted) {
        rc = hs_load_icount_baseline(&base, c.results, c.baseline, err, sizeof err);
        if (rc == 0)
            hs_compare_icounts(&run, &base);
    }
    if (rc == 0 && hs_analyze(&run, c.baseline ? &base : NULL, &c.o) != 0) {
        snprintf(err, sizeof err, "out of memory in the analysis");
        rc = -1;
    }
    /* Paired rounds: every Google Benchmark file's, then the replicates'. */
    hs_pairs pairs = {0};
    for (size_t i = 0; i < run.nf && rc == 0; i++)
        if (run.f[i]->kind == HS_KIND_GBENCH)
            rc = hs_pairs_add_json(&pairs, run.f[i]->root, run.f[i]->path, err, sizeof err);
    for (int i = 0; i < c.n_replicates && rc == 0; i++)
        rc = hs_pairs_add_file(&pairs, c.replicates[i], err, sizeof err);
    if (rc == 0 && hs_pairs_analyze(&pairs, &c.o) != 0) {
        snprintf(err, sizeof err, "out of memory in the paired analysis");
        rc = -1;
    }
    if (rc == 0)
        hs_pairs_apply(&run, &pairs);
    if (rc == 0)
        rc = hs_write_outputs(&run, c.baseline, &c.o, md, sizeof md, err, sizeof err);
    if (rc == 0)
        rc = hs_pairs_write_tables(&pairs, hs_staged_tables(), err, sizeof err);
    if (rc == 0)
        rc = hs_pairs_append_markdown(&pairs, hs_staged_path(md), err, sizeof err);
    if (rc == 0 && c.save && timed)
        rc = hs_save_baseline(&run, c.results, c.save, err, sizeof err);
    if (rc == 0 && c.save && counted)
        rc = hs_save_icount_baseline(&run, c.results, c.save, err, sizeof err);
    if (rc == 0)
        rc = hs_commit_staged(err, sizeof err);
    else
        hs_discard_staged();
    if (rc != 0) {
        fprintf(stderr, "hotpath-stats: %s\n", err);
        hs_pairs_free(&pairs);
        hs_set_free(&run);
        hs_set_free(&base);
        return 1;
    }

    size_t skipped = 0;
    for (size_t i = 0; i < run.n; i++)
        skipped += run.b[i].skip != NULL;
    fprintf(stderr, "hotpath-stats: %zu benchmarks (%zu skipped) from %d file(s); wrote %s and "
                    "%.*s/tables/\n", run.n, skipped, argc - optind, md, (int)strlen(md) - 3, md);
    if (run.nic)
        fprintf(stderr, "hotpath-stats: %zu instruction counts%s\n", run.nic,
                run.n ? "" : " (no timed benchmarks)");
    if (c.save && timed)
        fprintf(stderr, "hotpath-stats: saved baseline %s/baselines/%s.json\n", c.results,
                c.save);
    if (c.save && counted)
        fprintf(stderr, "hotpath-stats: saved baseline %s/baselines/%s-instructions.json\n",
                c.results, c.save);
    print_stdout(&c, &run, &pairs);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "hotpath-stats: standard output: %s\n", strerror(errno));
        hs_pairs_free(&pairs);
        hs_set_free(&run);
        hs_set_free(&base);
        return 1;
    }
    const int bad = c.baseline && !isnan(c.fail_pct) ? regressions(&c, &run) : 0;
    hs_pairs_free(&pairs);
    hs_set_free(&run);
    hs_set_free(&base);
    return bad ? 3 : 0;
}
