// The files an `inputs:` entry names: a path, or a glob with *, ?, [...] and ** (any
// number of folders). Hidden files and folders match only a pattern that starts with '.'.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace mimeo::pipeline {

bool is_glob(const std::string& pattern);

// The regular files `pattern` (relative to `folder`, or absolute) matches, sorted by
// name, as `folder / pattern` would spell them. Empty when nothing matches.
std::vector<std::filesystem::path> match_files(const std::filesystem::path& folder, const std::string& pattern);

}  // namespace mimeo::pipeline
