// The files an `inputs:` entry names: a path, or a glob with *, ?, [...] and ** (any
// number of folders). Hidden files and folders match only a pattern that starts with '.'.
#pragma once

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

struct Matches {
    std::vector<std::filesystem::path> files;
    bool too_wide = false;  // stopped after reading `max_entries` folder entries; `files` is incomplete
};

// The regular files `pattern` (relative to `folder`, or absolute) matches, sorted by
// name, as `folder / pattern` would spell them. Empty when nothing matches.
Matches match_files(const std::filesystem::path& folder, const std::string& pattern,
                    std::size_t max_entries = max_glob_entries);

}  // namespace mimeo::pipeline
