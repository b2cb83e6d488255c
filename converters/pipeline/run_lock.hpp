// Two runs writing the same outputs must never interleave. A run holds a lock named
// after the folder its outputs go under: exclusive for a whole run or a merge, shared
// for a shard (the shards of one pipeline run side by side by design).
#pragma once

#include <filesystem>

namespace mimeo::pipeline {

enum class LockWait { wait, refuse };

class RunLock {
public:
    // Throws mimeo::Error (code "locked") when another run holds it and `wait` is refuse.
    RunLock(const std::filesystem::path& output_folder, bool shared, LockWait wait);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace mimeo::pipeline
