// `mimeo run --progress=json`: progress for schedulers and dashboards, one JSON object a
// line, such as
//   {"phase":"articles","done":120,"total":500,"rate":84.2,"eta":4.5}
// `rate` is items per second in this phase, `eta` the seconds it still needs (null until
// there is a rate). A phase's first (done 0) and last (done == total) lines are always
// printed; between them at most one line each `interval`.
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include "pipeline/progress.hpp"

namespace mimeo::pipeline {

class JsonProgress : public Progress {
public:
    explicit JsonProgress(std::FILE* stream, std::chrono::milliseconds interval = std::chrono::milliseconds(250));

    void started(std::size_t articles, std::size_t outputs) override;
    void article_done(const std::filesystem::path& source, bool from_cache) override;
    void output_done(const OutputReport& output) override;

private:
    using Clock = std::chrono::steady_clock;
    struct Phase {
        const char* name;
        std::size_t done = 0, total = 0;
        Clock::time_point began{}, last_line{};
        bool begun = false;
    };
    void begin_outputs();        // with mutex_ held
    void advance(Phase& phase);  // with mutex_ held
    void line(Phase& phase, Clock::time_point now);
    std::FILE* stream_;
    std::chrono::milliseconds interval_;
    std::mutex mutex_;
    Phase articles_{"articles"}, outputs_{"outputs"};
};

// "{\"phase\":...}" for one moment of a phase; exposed for the tests.
std::string progress_json(const char* phase, std::size_t done, std::size_t total, double seconds);

}  // namespace mimeo::pipeline
