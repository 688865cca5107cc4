// See result_file.h.  Google Benchmark writes the JSON through a
// std::ofstream and reports no write error: a full disk or a file-size
// limit leaves a silently truncated file.  So the file is checked after
// the run: it must end the way the JSON reporter ends its document, then
// fsync (delayed-allocation errors surface there) and close succeed, and
// only then is it renamed.
#include "result_file.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hp {
namespace {

char tmp_path[4096];

void on_signal(int sig)
{
    // Async-signal-safe: unlink, then die of the same signal.
    if (tmp_path[0])
        unlink(tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

// Every signal whose default action ends the process without a crash
// (crash signals belong to the sanitizers).  A signal the caller ignores
// stays ignored (nohup, trap '' PIPE).  SIGXFSZ is always ignored: an
// over-limit write then fails with EFBIG and is reported as an error.
void install_handlers()
{
    static const int sigs[] = {SIGHUP,  SIGINT,  SIGQUIT,   SIGPIPE, SIGALRM, SIGTERM,
                               SIGUSR1, SIGUSR2, SIGVTALRM, SIGXCPU, SIGPROF};
    for (int s : sigs) {
        struct sigaction old;
        if (sigaction(s, nullptr, &old) == 0 && old.sa_handler != SIG_IGN)
            std::signal(s, on_signal);
    }
    std::signal(SIGXFSZ, SIG_IGN);
}

// The JSON reporter's document ends with "]\n}" and a newline; a truncated
// file does not.
bool complete_json(int fd, off_t *size)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size < 8)
        return false;
    *size = st.st_size;
    char tail[8];
    if (pread(fd, tail, sizeof tail, st.st_size - off_t(sizeof tail)) != off_t(sizeof tail))
        return false;
    const char *end = tail + sizeof tail;
    while (end > tail && (end[-1] == '\n' || end[-1] == ' '))
        end--;
    return end - tail >= 3 && end[-1] == '}' && end[-2] == '\n' && end[-3] == ']';
}

} // namespace

int result_file_open(const std::string &out)
{
    struct stat st;
    if (stat(out.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        std::fprintf(stderr, "hotpath-bench: --hp_out=%s: exists and is not a regular file\n",
                     out.c_str());
        return 2;
    }
    if (std::snprintf(tmp_path, sizeof tmp_path, "%s.tmp.%ld", out.c_str(), long(getpid())) >=
        int(sizeof tmp_path)) {
        tmp_path[0] = '\0';
        std::fprintf(stderr, "hotpath-bench: --hp_out: path too long\n");
        return 2;
    }
    install_handlers();
    const int fd = open(tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        const int e = errno;
        tmp_path[0] = '\0';
        std::fprintf(stderr, "hotpath-bench: --hp_out=%s: cannot create a file there: %s\n",
                     out.c_str(), std::strerror(e));
        return 2;
    }
    close(fd);
    return 0;
}

const char *result_file_tmp()
{
    return tmp_path;
}

void result_file_discard()
{
    if (tmp_path[0])
        unlink(tmp_path);
}

int result_file_commit(const std::string &out)
{
    const int fd = open(tmp_path, O_RDONLY | O_CLOEXEC);
    off_t size = 0;
    const char *why = nullptr;
    int e = 0;
    if (fd < 0)
        why = "cannot reopen it", e = errno;
    else if (!complete_json(fd, &size))
        why = "the JSON is incomplete (a write failed: disk full or file-size limit?)";
    else if (fsync(fd) != 0)
        why = "fsync failed", e = errno;
    if (fd >= 0 && close(fd) != 0 && !why)
        why = "close failed", e = errno;
    if (!why && std::rename(tmp_path, out.c_str()) != 0)
        why = "rename failed", e = errno;
    if (why) {
        std::fprintf(stderr, "hotpath-bench: %s (%lld bytes): %s%s%s; no result written\n",
                     tmp_path, (long long)size, why, e ? ": " : "", e ? std::strerror(e) : "");
        unlink(tmp_path);
        return 1;
    }
    tmp_path[0] = '\0';
    return 0;
}

} // namespace hp
