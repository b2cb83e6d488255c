// The files an `inputs:` entry names: a path, or a glob with *, ?, [...] and ** (any
// number of folders). Hidden files and folders match only a pattern that starts with '.'.
// A glob stays inside its tree (the folder its literal start names): ** never descends
// into a symlinked folder, and a wildcard never matches a symlink that leads out of the
// tree; only a component the pattern spells out is followed wherever it leads.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace mimeo::pipeline {

bool is_glob(const std::string& pattern);

// How many folder entries one pattern may read: far beyond an archive of 100,000
// articles with their images, and a bound on a pattern such as '/**' or '/*/*/*/*/*'
// that would walk a whole machine.
inline constexpr std::size_t max_glob_entries = 1'000'000;
// And how long its walk may take, on a slow or network file system.
inline constexpr std::chrono::seconds max_glob_time{30};

struct Matches {
    std::vector<std::filesystem::path> files;
    // Stopped after reading `max_entries` folder entries, or at `max_time`; `files` is incomplete.
    bool too_wide = false;
    std::vector<std::filesystem::path> left_out;  // symlinks a wildcard met that lead out of the tree
};

// The regular files `pattern` (relative to `folder`, or absolute) matches, sorted by
// name, as `folder / pattern` would spell them. Empty when nothing matches.
Matches match_files(const std::filesystem::path& folder, const std::string& pattern,
                    std::size_t max_entries = max_glob_entries,
                    std::chrono::milliseconds max_time = max_glob_time);

}  // namespace mimeo::pipeline
