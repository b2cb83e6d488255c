#include "pipeline/run_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/diagnostics.hpp"

namespace fs = std::filesystem;

namespace mimeo::pipeline {

RunLock::RunLock(const fs::path& output_folder, bool shared, LockWait wait)
{
    // The lock lives in the temporary folder, named by the output folder, so that a run
    // that fails or is refused leaves nothing among the outputs.
    std::error_code ec;
    const std::string folder = fs::weakly_canonical(fs::absolute(output_folder, ec), ec).string();
    char name[40];
    std::snprintf(name, sizeof name, "mimeo-run-%016llx.lock",
                  static_cast<unsigned long long>(XXH3_64bits(folder.data(), folder.size())));
    const fs::path path = fs::temp_directory_path() / name;
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw Error({path.string(), 0, 0}, "write", std::string("cannot open the run lock: ") + std::strerror(errno));
    const int mode = (shared ? LOCK_SH : LOCK_EX) | (wait == LockWait::refuse ? LOCK_NB : 0);
    while (::flock(fd_, mode) != 0) {
        if (errno == EINTR) continue;
        const int error_number = errno;
        ::close(fd_);
        fd_ = -1;
        if (error_number == EWOULDBLOCK)
            throw Error({folder, 0, 0}, "locked",
                        "another mimeo run is writing these outputs; wait for it, or run without --no-wait to queue behind it");
        throw Error({path.string(), 0, 0}, "write", std::string("cannot lock: ") + std::strerror(error_number));
    }
}

RunLock::~RunLock()
{
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace mimeo::pipeline
