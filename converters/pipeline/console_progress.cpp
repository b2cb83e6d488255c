#include "pipeline/console_progress.hpp"

#include <algorithm>

namespace mimeo::pipeline {
namespace {

constexpr int bar_width = 30;

const char* status_name(const OutputReport& output)
{
    if (!output.checked) return "not checked";
    switch (output.check.status) {
    case CheckResult::Status::passed: return "check passed";
    case CheckResult::Status::failed: return "check FAILED";
    case CheckResult::Status::skipped: return "check skipped";
    }
    return "";
}

std::string where_written(const OutputReport& output)
{
    if (output.files.size() == 1) return output.files.front();
    return output.path + " (" + std::to_string(output.files.size()) + " files)";
}

std::string progress_line(const OutputReport& output)
{
    std::string line = "mimeo run: " + output.format + " -> " + output.path;
    if (output.files.size() != 1) line += ": " + std::to_string(output.files.size()) + " files,";
    return line + " " + human_size(output.bytes);
}

std::string plural(std::size_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "42 s", "3 min 5 s", "2 h 10 min"
std::string human_duration(double seconds)
{
    const long s = static_cast<long>(seconds + 0.5);
    char text[32];
    if (s < 60) std::snprintf(text, sizeof text, "%ld s", s);
    else if (s < 3600) std::snprintf(text, sizeof text, "%ld min %ld s", s / 60, s % 60);
    else std::snprintf(text, sizeof text, "%ld h %ld min", s / 3600, s % 3600 / 60);
    return text;
}

}  // namespace

std::string human_size(std::uintmax_t bytes)
{
    char text[32];
    if (bytes < 1000) std::snprintf(text, sizeof text, "%ju B", bytes);
    else if (bytes < 1000 * 1000) std::snprintf(text, sizeof text, "%.1f kB", bytes / 1000.0);
    else std::snprintf(text, sizeof text, "%.1f MB", bytes / 1e6);
    return text;
}

ConsoleProgress::ConsoleProgress(std::FILE* stream, bool terminal, bool quiet)
    : stream_(stream), terminal_(terminal), quiet_(quiet)
{
}

void ConsoleProgress::started(std::size_t articles, std::size_t outputs)
{
    std::lock_guard lock(mutex_);
    articles_ = articles;
    outputs_ = outputs;
    began_ = std::chrono::steady_clock::now();
    draw();
}

void ConsoleProgress::article_done(const std::filesystem::path&, bool)
{
    std::lock_guard lock(mutex_);
    ++articles_done_;
    draw();
}

void ConsoleProgress::output_done(const OutputReport& output)
{
    std::lock_guard lock(mutex_);
    ++outputs_done_;
    if (quiet_) return;
    if (terminal_) {
        draw();
        return;
    }
    std::fprintf(stream_, "%s\n", progress_line(output).c_str());
}

void ConsoleProgress::finished()
{
    std::lock_guard lock(mutex_);
    if (quiet_ || !terminal_) return;
    std::fprintf(stream_, "\r\033[K");  // the bar gives way to the summary
    std::fflush(stream_);
}

void ConsoleProgress::draw()
{
    if (quiet_ || !terminal_) return;
    const std::size_t total = articles_ + outputs_;
    const std::size_t done = articles_done_ + outputs_done_;
    const int filled = total ? static_cast<int>(bar_width * done / total) : bar_width;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(bar_width, '.');
    // The rate and time left are the articles': they are nearly all of a long run.
    std::string pace;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began_).count();
    if (articles_done_ > 0 && articles_done_ < articles_ && seconds > 0) {
        const double rate = articles_done_ / seconds;
        char text[64];
        std::snprintf(text, sizeof text, " (%.1f/s, %s left)", rate,
                      human_duration((articles_ - articles_done_) / rate).c_str());
        pace = text;
    }
    std::fprintf(stream_, "\r\033[K[%s] %zu/%zu articles%s, %zu/%zu outputs", bar.c_str(), articles_done_, articles_,
                 pace.c_str(), outputs_done_, outputs_);
    std::fflush(stream_);
}

std::string format_summary(const RunReport& report)
{
    std::string out;
    const std::size_t imported = report.articles - report.from_cache - report.failed;
    out += plural(report.articles, "article", "articles");
    if (imported) out += ", " + std::to_string(imported) + " imported";
    if (report.from_cache) out += ", " + std::to_string(report.from_cache) + " from cache";
    if (report.failed) out += ", " + std::to_string(report.failed) + " failed";
    if (report.drafts) out += ", " + std::to_string(report.drafts) + (report.drafts == 1 ? " draft" : " drafts") + " left out";
    if (report.from_cache == report.articles && report.articles > 0) out += " (nothing imported)";
    out += "\n";

    std::size_t width = 0;
    for (const auto& output : report.outputs) width = std::max(width, where_written(output).size());
    std::size_t files = 0;
    for (const auto& output : report.outputs) {
        files += output.files.size();
        std::string line = "  " + output.format;
        line.resize(std::max<std::size_t>(line.size() + 1, 9), ' ');
        if (report.dry_run) {
            line += output.path;
            out += line + "\n";
            if (output.files.size() > 1 || (!output.files.empty() && output.files.front() != output.path))
                for (const auto& file : output.files) out += "      " + file + "\n";
            continue;
        }
        std::string where = where_written(output);
        where.resize(width, ' ');
        line += where;
        std::string size = human_size(output.bytes);
        line += "  " + std::string(size.size() < 9 ? 9 - size.size() : 0, ' ') + size;
        line += "  " + std::string(status_name(output));
        line += "  " + plural(output.warnings, "warning", "warnings");
        out += line + "\n";
        if (output.checked && !output.check.summary.empty()) out += "      check: " + output.check.summary + "\n";
    }
    if (report.dry_run)
        out += "dry run: would write " + plural(report.outputs.size(), "output", "outputs") + " (" +
               plural(files, "file or folder", "files or folders") + "), nothing written";
    else if (report.written)
        out += "wrote " + plural(report.outputs.size(), "output", "outputs") + " (" + plural(files, "file", "files") +
               ")";
    else
        out += "nothing written, earlier outputs left as they were: " + plural(report.errors.size(), "error", "errors");
    out += ", " + plural(report.warnings, "warning", "warnings") + "\n";
    return out;
}

}  // namespace mimeo::pipeline
