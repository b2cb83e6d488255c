// All-or-nothing output: every file of a run is written to a temporary file beside
// its target and renamed into place only when the whole run has succeeded, so a
// failed run never replaces an earlier output.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/interrupt.hpp"

namespace mimeo {

// Plain strings, not paths: a run may stage 100,000 files, and a std::filesystem::path
// also keeps a list of its components.
struct StagedFile {
    std::string target;
    std::string temporary;
    std::uintmax_t size = 0;
};

class OutputSet {
public:
    OutputSet();
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;
    ~OutputSet();  // discards whatever was not committed

    // Stages `bytes` for `target`, creating its folders. Throws mimeo::Error on failure.
    // Writes hold the set's lock, so an interrupt never leaves a file half-staged.
    void write(const std::filesystem::path& target, std::string_view bytes);
    // Renames every staged file into place, in the order written; with a `journal_folder`,
    // after journaling the renames there, so that a crash midway can be completed
    // (common/staging.hpp).
    void commit(const std::filesystem::path& journal_folder = {});
    void discard();

    // How many files are staged, and those staged since the first `first`: a writer
    // asks for its own without copying the whole set (a run may stage 100,000 files).
    std::size_t count() const;
    std::vector<StagedFile> files_from(std::size_t first) const;

private:
    void remove_staged();  // with mutex_ held
    mutable std::mutex mutex_;
    std::vector<StagedFile> staged_;
    InterruptCleanup on_interrupt_;
};

}  // namespace mimeo
