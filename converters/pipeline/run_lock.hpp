// Two runs writing the same file must never interleave. A run holds one lock for each of
// its outputs, named after the output's real path (symlinks and `..` resolved, so two
// pipelines in different folders writing one feed meet at one lock): exclusive for a
// whole run or a merge, shared for a shard (the shards of one pipeline run side by side
// by design). Locks are taken in one order, so two runs never wait on each other.
#pragma once

#include <filesystem>
#include <vector>

#include "pipeline/pipeline.hpp"

namespace mimeo::pipeline {

enum class LockWait { wait, refuse };

class RunLock {
public:
    // Throws mimeo::Error (code "locked") when another run holds one and `wait` is refuse.
    RunLock(const std::vector<std::filesystem::path>& targets, bool shared, LockWait wait);
    ~RunLock();
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

private:
    std::vector<int> fds_;
};

// What each output writes, as a lock names it: the file, the folder of a folder output, or
// the folder above ${article.slug} in a per-article path.
std::vector<std::filesystem::path> lock_targets(const Pipeline& pipeline, const std::filesystem::path& base);

}  // namespace mimeo::pipeline
