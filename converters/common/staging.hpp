// Where a run's outputs wait before they are committed, and how a later run recovers from
// one that died (kill -9, a crash, power loss) before or during its commit.
//
// A staged file is `.NAME.mimeo-PID-RANDOM.tmp` beside its target, RANDOM 16 hex digits from
// the kernel's generator, created with O_EXCL|O_NOFOLLOW: nobody can plant a symlink at a name
// a run will pick, and a planted one is never followed. A commit that renames more
// than one file first writes a journal of the renames, `.mimeo-commit-PID.journal`, and
// removes it when every rename is done. A later run that holds the outputs' locks completes
// each journal whose run is dead (every staged file it lists is whole: staging ends before
// the journal is written), then removes the staged files of dead runs.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mimeo {

struct StagedFile;

// A staged file beside `target`, new (never an existing file or symlink), owned by this process,
// open for writing: `fd` is the caller's to close. Throws mimeo::Error (write) when it cannot.
struct NewStagedFile {
    std::filesystem::path path;
    int fd = -1;
};
NewStagedFile create_staged(const std::filesystem::path& target);

// All of `bytes` to `fd`, through short writes and signals; false (errno set) on failure.
bool write_all(int fd, std::string_view bytes);

// Writes the journal of `files` into `folder` (a temporary, synced, then renamed, so that it
// is whole or absent) and returns its path. Throws mimeo::Error when it cannot.
std::filesystem::path write_commit_journal(const std::filesystem::path& folder, const std::vector<StagedFile>& files);

struct Recovery {
    std::size_t commits = 0;  // journals of dead runs completed
    std::size_t renamed = 0;  // files those journals still had to rename
    std::size_t removed = 0;  // staged files of dead runs removed
};

// Completes the commits of dead runs whose journals are in `folder`.
void complete_dead_commits(const std::filesystem::path& folder, Recovery& recovery);
// Removes the staged files of dead runs in `folder`, and in its subfolders when `recursive`.
void remove_dead_staged_files(const std::filesystem::path& folder, bool recursive, Recovery& recovery);

}  // namespace mimeo
