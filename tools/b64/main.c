/* b64: base64 encode or decode FILE (or standard input) to standard
 * output, with the interface of coreutils base64 and libhotpath's fastest
 * runnable codec.
 *
 *   b64 [-d] [-w COLS] [-i] [--codec NAME] [FILE]
 *
 * Exit status 0; 1 on invalid input or an I/O error (with a message); 2 on
 * a usage error or a codec that is unknown or cannot run here. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "b64.h"
#include "cpu/cpu.h"
#include "syscall.h"

static const char usage_text[] =
    "usage: b64 [-d] [-w COLS] [-i] [--codec NAME] [FILE]\n"
    "Base64 encode (or decode) FILE, or standard input when FILE is absent or -,\n"
    "to standard output (RFC 4648, as coreutils base64).\n"
    "  -d, --decode          decode; newlines are skipped anywhere\n"
    "  -i, --ignore-garbage  when decoding, skip every byte outside the alphabet\n"
    "  -w, --wrap=COLS       wrap encoded lines after COLS characters (default 76,\n"
    "                        0 disables wrapping)\n"
    "      --codec=NAME      use this variant of the codec (default: the fastest\n"
    "                        one this CPU runs at the HOTPATH_ISA cap)\n"
    "      --list-codecs     list the variants and whether they run here\n";

static int usage(void)
{
    fputs(usage_text, stderr);
    return B64_EXIT_USAGE;
}

static int list_codecs(void)
{
    size_t n;
    const hp_variant *v = hp_variants(&n);
    for (size_t i = 0; i < n; i++) {
        int enc = strcmp(v[i].family, "base64_encode") == 0;
        if (!enc && strcmp(v[i].family, "base64_decode") != 0)
            continue;
        if (v[i].stage == HP_STAGE_LIBRARY || v[i].stage == HP_STAGE_LIMIT)
            continue;
        const char *why = NULL;
        int ok = hp_runnable(&v[i], &why);
        printf("%-7s %-12s %s\n", enc ? "encode" : "decode", v[i].name, ok ? "runs" : why);
    }
    return 0;
}

/* The variant to use: --codec NAME, or hp_best; NULL after a message. */
static const hp_variant *pick_codec(const char *family, const char *name)
{
    if (!name) {
        const hp_variant *v = hp_best(family);
        if (!v)
            b64_error("no runnable %s variant", family);
        return v;
    }
    const hp_variant *v = hp_find(family, name);
    if (!v || v->stage == HP_STAGE_LIBRARY || v->stage == HP_STAGE_LIMIT) {
        b64_error("unknown codec '%s' for %s (see b64 --list-codecs)", name, family);
        return NULL;
    }
    const char *why = NULL;
    if (!hp_runnable(v, &why)) {
        b64_error("codec '%s' cannot run here: %s", name, why ? why : "not runnable");
        return NULL;
    }
    return v;
}

static int parse_wrap(const char *arg, size_t *wrap)
{
    char *end;
    errno = 0;
    unsigned long long w = strtoull(arg, &end, 10);
    if (errno || end == arg || *end || arg[0] == '-' || w > (1ull << 30)) {
        b64_error("invalid wrap size: '%s'", arg);
        return -1;
    }
    *wrap = (size_t)w;
    return 0;
}

int main(int argc, char **argv)
{
    enum { OPT_CODEC = 256, OPT_LIST, OPT_HELP };
    static const struct option longs[] = {
        {"decode", no_argument, NULL, 'd'},
        {"ignore-garbage", no_argument, NULL, 'i'},
        {"wrap", required_argument, NULL, 'w'},
        {"codec", required_argument, NULL, OPT_CODEC},
        {"list-codecs", no_argument, NULL, OPT_LIST},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    int decode = 0, ignore = 0, c;
    size_t wrap = 76;
    const char *codec = NULL;
    opterr = 0; /* our own messages */
    while ((c = getopt_long(argc, argv, "diw:", longs, NULL)) != -1) {
        switch (c) {
        case 'd': decode = 1; break;
        case 'i': ignore = 1; break;
        case 'w':
            if (parse_wrap(optarg, &wrap) < 0)
                return B64_EXIT_USAGE;
            break;
        case OPT_CODEC: codec = optarg; break;
        case OPT_LIST: return list_codecs();
        case OPT_HELP: fputs(usage_text, stdout); return 0;
        default:
            b64_error("invalid option '%s'", argv[optind - 1]);
            return usage();
        }
    }
    if (argc - optind > 1) {
        b64_error("extra operand '%s'", argv[optind + 1]);
        return usage();
    }
    const char *path = optind < argc ? argv[optind] : "-";

    /* A bad HOTPATH_ISA is named with the accepted values (the CPU layer's
     * message, as every tool gives it), not "no runnable variant". */
    const char *err;
    if (hp_cpu_cap_check(&err) != 0) {
        b64_error("%s", err);
        return B64_EXIT_USAGE;
    }
    const hp_variant *v = pick_codec(decode ? "base64_decode" : "base64_encode", codec);
    if (!v)
        return B64_EXIT_USAGE;

    /* A closed reader becomes EPIPE from write, and a file-size limit
     * EFBIG, reported like any other write error, instead of a silent
     * death by signal. */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);

    int stdin_ = strcmp(path, "-") == 0;
    const char *name = stdin_ ? "standard input" : path;
    int fd = stdin_ ? 0 : hp_sys_openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0);
    if (fd < 0) {
        b64_error("%s: %s", path, strerror(-fd));
        return B64_EXIT_FAIL;
    }
    int rc = decode ? b64_decode_stream(fd, name, ignore, (hp_base64_decode_fn)v->fn)
                    : b64_encode_stream(fd, name, wrap, (hp_base64_encode_fn)v->fn);
    if (!stdin_)
        hp_sys_close(fd);
    return rc;
}
