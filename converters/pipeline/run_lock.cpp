#include "pipeline/run_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>

#include "common/diagnostics.hpp"
#include "pipeline/path_template.hpp"

namespace fs = std::filesystem;

namespace mimeo::pipeline {
namespace {

std::string real_path(const fs::path& target)
{
    std::error_code ec;
    return fs::weakly_canonical(fs::absolute(target, ec), ec).string();
}

// The lock lives in the temporary folder, named by the path it guards, so that a run
// that fails or is refused leaves nothing among the outputs.
int take(const std::string& guarded, bool shared, LockWait wait)
{
    char name[40];
    std::snprintf(name, sizeof name, "mimeo-run-%016llx.lock",
                  static_cast<unsigned long long>(XXH3_64bits(guarded.data(), guarded.size())));
    const fs::path path = fs::temp_directory_path() / name;
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw Error({path.string(), 0, 0}, "write", std::string("cannot open the run lock: ") + std::strerror(errno));
    const int mode = (shared ? LOCK_SH : LOCK_EX) | (wait == LockWait::refuse ? LOCK_NB : 0);
    while (::flock(fd, mode) != 0) {
        if (errno == EINTR) continue;
        const int error_number = errno;
        ::close(fd);
        if (error_number == EWOULDBLOCK)
            throw Error({guarded, 0, 0}, "locked",
                        "another mimeo run is writing these outputs; wait for it, or run without --no-wait to queue behind it");
        throw Error({path.string(), 0, 0}, "write", std::string("cannot lock: ") + std::strerror(error_number));
    }
    return fd;
}

}  // namespace

RunLock::RunLock(const std::vector<fs::path>& targets, bool shared, LockWait wait)
{
    std::set<std::string> guarded;  // sorted: every run takes its locks in the same order
    for (const fs::path& target : targets) guarded.insert(real_path(target));
    try {
        for (const std::string& path : guarded) fds_.push_back(take(path, shared, wait));
    } catch (...) {
        for (int fd : fds_) ::close(fd);
        throw;
    }
}

RunLock::~RunLock()
{
    for (int fd : fds_) ::close(fd);  // closing releases the lock
}

std::vector<fs::path> lock_targets(const Pipeline& pipeline, const fs::path& base)
{
    std::vector<fs::path> targets;
    for (const OutputSpec& output : pipeline.outputs) {
        fs::path target = output.shown_target(base);
        if (output.per_article) target = folder_above_article_slug(target.string());
        targets.push_back(target);
    }
    return targets;
}

}  // namespace mimeo::pipeline
