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

namespace mimeo {

struct StagedFile {
    std::filesystem::path target;
    std::filesystem::path temporary;
    std::uintmax_t size = 0;
};

class OutputSet {
public:
    OutputSet() = default;
    OutputSet(const OutputSet&) = delete;
    OutputSet& operator=(const OutputSet&) = delete;
    ~OutputSet();  // discards whatever was not committed

    // Stages `bytes` for `target`, creating its folders. Throws mimeo::Error on failure.
    void write(const std::filesystem::path& target, std::string_view bytes);
    // Renames every staged file into place, in the order written.
    void commit();
    void discard();

    std::vector<StagedFile> files() const;

private:
    mutable std::mutex mutex_;
    std::vector<StagedFile> staged_;
};

}  // namespace mimeo
