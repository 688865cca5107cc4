/* hotpath-compare: two builds of the kernels compared in one process, in
 * paired rounds.  make compare-builds drives it (scripts/compare-builds.sh
 * builds the two shared objects); docs/compare-builds.md.
 * Exit status: 0 done, 1 a build that does not load, gives wrong results
 * or writes nothing, 2 bad command line, 3 a regression beyond
 * --fail-on-regression. */
#include "compare.h"

#include "stats.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out)
{
    fputs("usage: hotpath-compare --a LIB.so --b LIB.so --out RESULTS/RUN [options]\n"
          "  --a, --b PATH           the two builds' libhotpath_shared.so\n"
          "  --a-name, --b-name S    what each build is (a git revision, a directory)\n"
          "  --out PREFIX            writes PREFIX.json (B's rounds), PREFIX-A.json (A's)\n"
          "                          and PREFIX-compare.tsv (the changes)\n"
          "  --filter ERE            only family/variant/size names matching ERE\n"
          "  --quick                 the harnesses' short size lists\n"
          "  --rounds N              rounds per benchmark (default 21)\n"
          "  --round-ms MS           time of one side in one round (default 1)\n"
          "  --budget S              seconds per benchmark (default 0.25): rounds are cut\n"
          "                          to fit, and a benchmark too slow even for the\n"
          "                          fewest rounds is listed as not compared\n"
          "  --fdr PCT               false discovery rate of the verdicts (default 5;\n"
          "                          0: each comparison alone at p < 0.05)\n"
          "  --noise PCT             noise threshold of the verdicts (default 2)\n"
          "  --fail-on-regression PCT  exit 3 on a significant regression whose whole\n"
          "                          interval lies above PCT %\n"
          "  --resamples N           bootstrap resamples (default 10000)\n"
          "  --seed S                bootstrap seed (default 1)\n", out);
}

static int num(const char *opt, const char *s, double lo, double hi, double *out)
{
    char *end;
    const double v = strtod(s, &end);
    if (end == s || *end || !(v >= lo && v <= hi)) {
        fprintf(stderr, "hotpath-compare: %s: expected a number from %g to %g, got \"%s\"\n",
                opt, lo, hi, s);
        return -1;
    }
    *out = v;
    return 0;
}

static int parse(int argc, char **argv, hc_options *o)
{
    enum { A = 1, B, AN, BN, OUT, FILT, QUICK, ROUNDS, RMS, BUDGET, FDR, NOISE, FAIL, RES, SEED,
           HELP };
    static const struct option opts[] = {
        {"a", required_argument, 0, A},          {"b", required_argument, 0, B},
        {"a-name", required_argument, 0, AN},    {"b-name", required_argument, 0, BN},
        {"out", required_argument, 0, OUT},      {"filter", required_argument, 0, FILT},
        {"quick", no_argument, 0, QUICK},        {"rounds", required_argument, 0, ROUNDS},
        {"round-ms", required_argument, 0, RMS}, {"budget", required_argument, 0, BUDGET},
        {"fdr", required_argument, 0, FDR},      {"noise", required_argument, 0, NOISE},
        {"fail-on-regression", required_argument, 0, FAIL},
        {"resamples", required_argument, 0, RES}, {"seed", required_argument, 0, SEED},
        {"help", no_argument, 0, HELP},          {0, 0, 0, 0},
    };
    int ch;
    double d;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (ch) {
        case A: o->path_a = optarg; break;
        case B: o->path_b = optarg; break;
        case AN: o->name_a = optarg; break;
        case BN: o->name_b = optarg; break;
        case OUT: o->out = optarg; break;
        case FILT: o->filter = optarg; break;
        case QUICK: o->quick = 1; break;
        case ROUNDS:
            if (num("--rounds", optarg, HP_PAIR_MIN_ROUNDS, 100000, &d))
                return -1;
            o->pair.rounds = (uint32_t)d;
            break;
        case RMS:
            if (num("--round-ms", optarg, 0.01, 1000, &d))
                return -1;
            o->pair.round_s = d / 1000;
            break;
        case BUDGET:
            if (num("--budget", optarg, 0.001, 3600, &d))
                return -1;
            o->pair.budget_s = d;
            break;
        case FDR:
            if (num("--fdr", optarg, 0, 50, &d))
                return -1;
            o->fdr = d / 100;
            break;
        case NOISE:
            if (num("--noise", optarg, 0, 1000, &d))
                return -1;
            o->noise = d / 100;
            break;
        case FAIL:
            if (num("--fail-on-regression", optarg, 0, 1e6, &d))
                return -1;
            o->fail_pct = d / 100;
            break;
        case RES:
            if (num("--resamples", optarg, 100, 1e8, &d))
                return -1;
            o->resamples = (uint32_t)d;
            break;
        case SEED:
            if (num("--seed", optarg, 0, 1e18, &d))
                return -1;
            o->seed = (uint64_t)d;
            break;
        case HELP: usage(stdout); exit(0);
        default: usage(stderr); return -1;
        }
    }
    if (optind != argc || !o->path_a || !o->path_b || !o->out) {
        fputs(optind != argc ? "hotpath-compare: unexpected argument\n"
                             : "hotpath-compare: --a, --b and --out are required\n", stderr);
        usage(stderr);
        return -1;
    }
    if (o->filter) {
        const int rc = regcomp(&o->re, o->filter, REG_EXTENDED | REG_NOSUB);
        if (rc) {
            char msg[256];
            regerror(rc, &o->re, msg, sizeof msg);
            fprintf(stderr, "hotpath-compare: --filter \"%s\": %s\n", o->filter, msg);
            return -1;
        }
    }
    if (!o->name_a)
        o->name_a = o->path_a;
    if (!o->name_b)
        o->name_b = o->path_b;
    return 0;
}

int main(int argc, char **argv)
{
    /* 21 rounds of 1 ms a side, not the engine's defaults: the measured
     * detection figures (docs/compare-builds.md) are for these, and the
     * sign test needs ~20 rounds to stay significant across a whole suite
     * when a few rounds are disturbed. */
    hc_options o = {.pair = {.rounds = 21, .round_s = 1e-3, .budget_s = 0.25},
                    .resamples = 10000, .seed = 1, .noise = 0.02, .fdr = 0.05,
                    .fail_pct = NAN};
    if (parse(argc, argv, &o) != 0)
        return 2;
    char err[4096];
    hc_build a, b;
    if (hc_build_open(&a, "A", o.path_a, err, sizeof err) != 0) {
        fprintf(stderr, "hotpath-compare: %s\n", err);
        return 1;
    }
    if (hc_build_open(&b, "B", o.path_b, err, sizeof err) != 0) {
        fprintf(stderr, "hotpath-compare: %s\n", err);
        hc_build_close(&a);
        return 1;
    }
    hc_run run = {0};
    int rc = hc_measure_all(&a, &b, &o, &run) == 0 && hc_analyze(&run, &o) == 0 ? 0 : -1;
    if (rc)
        snprintf(err, sizeof err, "out of memory");
    if (rc == 0) {
        hc_print(stdout, &run, &o);
        fflush(stdout);
        rc = hc_write(&run, &o, err, sizeof err);
    }
    if (rc == 0)
        fprintf(stderr, "hotpath-compare: wrote %s.json (B), %s-A.json and %s-compare.tsv\n",
                o.out, o.out, o.out);
    const size_t bad = rc == 0 ? hc_regressions(&run, &o) : 0;
    const int failed = run.failed;
    if (rc)
        fprintf(stderr, "hotpath-compare: %s\n", err);
    else if (failed)
        fprintf(stderr, "hotpath-compare: some benchmarks were not compared (see \"Not "
                        "compared\" above)\n");
    hc_run_free(&run);
    hc_build_close(&b);
    hc_build_close(&a);
    if (o.filter)
        regfree(&o.re);
    return rc || failed ? 1 : bad ? 3 : 0;
}
