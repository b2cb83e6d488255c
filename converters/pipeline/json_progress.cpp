#include "pipeline/json_progress.hpp"

namespace mimeo::pipeline {

std::string progress_json(const char* phase, std::size_t done, std::size_t total, double seconds)
{
    char text[200];
    if (done == 0 || seconds <= 0) {
        std::snprintf(text, sizeof text, R"({"phase":"%s","done":%zu,"total":%zu,"rate":null,"eta":%s})", phase, done,
                      total, done >= total ? "0" : "null");
        return text;
    }
    const double rate = static_cast<double>(done) / seconds;
    const double eta = static_cast<double>(total > done ? total - done : 0) / rate;
    std::snprintf(text, sizeof text, R"({"phase":"%s","done":%zu,"total":%zu,"rate":%.2f,"eta":%.2f})", phase, done,
                  total, rate, eta);
    return text;
}

JsonProgress::JsonProgress(std::FILE* stream, std::chrono::milliseconds interval) : stream_(stream), interval_(interval)
{
}

void JsonProgress::started(std::size_t articles, std::size_t outputs)
{
    std::lock_guard lock(mutex_);
    articles_.total = articles;
    outputs_.total = outputs;
    articles_.began = Clock::now();
    articles_.begun = true;
    line(articles_, articles_.began);
    if (articles == 0) begin_outputs();
}

// The outputs are written once the articles are all prepared: their clock starts then.
void JsonProgress::begin_outputs()
{
    if (outputs_.begun) return;
    outputs_.began = Clock::now();
    outputs_.begun = true;
    line(outputs_, outputs_.began);
}

void JsonProgress::article_done(const std::filesystem::path&, bool)
{
    std::lock_guard lock(mutex_);
    advance(articles_);
    if (articles_.done >= articles_.total) begin_outputs();
}

void JsonProgress::output_done(const OutputReport&)
{
    std::lock_guard lock(mutex_);
    begin_outputs();
    advance(outputs_);
}

void JsonProgress::advance(Phase& phase)
{
    ++phase.done;
    const Clock::time_point now = Clock::now();
    if (phase.done >= phase.total || now - phase.last_line >= interval_) line(phase, now);
}

void JsonProgress::line(Phase& phase, Clock::time_point now)
{
    phase.last_line = now;
    const double seconds = std::chrono::duration<double>(now - phase.began).count();
    std::fprintf(stream_, "%s\n", progress_json(phase.name, phase.done, phase.total, seconds).c_str());
    std::fflush(stream_);
}

}  // namespace mimeo::pipeline
