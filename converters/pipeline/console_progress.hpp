// A run as a person sees it: on a terminal, one progress bar (articles prepared, with
// their rate and the time left, and outputs written) redrawn in place; in a log, one line per output; then a summary table.
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include "pipeline/progress.hpp"
#include "pipeline/runner.hpp"

namespace mimeo::pipeline {

class ConsoleProgress : public Progress {
public:
    // `terminal`: draw the bar; otherwise print a line per output. `quiet`: print nothing.
    ConsoleProgress(std::FILE* stream, bool terminal, bool quiet);

    void started(std::size_t articles, std::size_t outputs) override;
    void article_done(const std::filesystem::path& source, bool from_cache) override;
    void output_done(const OutputReport& output) override;
    void finished() override;

private:
    void draw();
    std::FILE* stream_;
    bool terminal_;
    bool quiet_;
    std::mutex mutex_;
    std::size_t articles_ = 0, articles_done_ = 0, outputs_ = 0, outputs_done_ = 0;
    std::chrono::steady_clock::time_point began_{};
};

// "48.2 kB"
std::string human_size(std::uintmax_t bytes);

// The table that ends a run: each output, its size, its check and its warnings, then the
// articles (how many came from the cache) and the totals.
std::string format_summary(const RunReport& report);

}  // namespace mimeo::pipeline
