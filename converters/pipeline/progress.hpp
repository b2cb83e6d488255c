// What a run tells whoever watches it. The runner calls these as it goes (article_done
// from the import threads); console_progress.hpp draws them on a terminal or a log.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "format/format.hpp"

namespace mimeo::pipeline {

struct OutputReport {
    std::string format;
    std::string path;                          // the file or folder, ${article.slug} left in
    std::vector<std::string> files;  // every file written (or, in a dry run, every target)
    std::uintmax_t bytes = 0;
    bool checked = false;
    CheckResult check;
    std::size_t warnings = 0;
};

class Progress {
public:
    virtual ~Progress() = default;
    virtual void started(std::size_t /*articles*/, std::size_t /*outputs*/) {}
    virtual void article_done(const std::filesystem::path& /*source*/, bool /*from_cache*/) {}
    virtual void output_done(const OutputReport&) {}
    virtual void finished() {}
};

}  // namespace mimeo::pipeline
