#include "pipeline/import_worker.hpp"

#include <sys/resource.h>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <new>
#include <optional>

#include "pipeline/article_record.hpp"
#include "pipeline/load_pipeline.hpp"
#include "registry/import_article.hpp"

namespace fs = std::filesystem;

namespace mimeo::pipeline {
namespace {

using Clock = std::chrono::steady_clock;

struct Frame {
    bool ok = false;
    std::string payload;
};

// "ok 123\n" or "error 45\n", then that many bytes; nullopt until the buffer holds it all.
std::optional<Frame> whole_frame(const std::string& buffer)
{
    const std::size_t newline = buffer.find('\n');
    if (newline == std::string::npos) return std::nullopt;
    const std::size_t space = buffer.find(' ');
    if (space == std::string::npos || space > newline) return Frame{};  // damaged: taken as whole
    std::size_t length = 0;
    std::from_chars(buffer.data() + space + 1, buffer.data() + newline, length);
    if (buffer.size() - newline - 1 < length) return std::nullopt;
    return Frame{buffer.compare(0, space, "ok") == 0, buffer.substr(newline + 1, length)};
}

void write_frame(bool ok, const std::string& payload)
{
    const std::string head = std::string(ok ? "ok " : "error ") + std::to_string(payload.size()) + "\n";
    std::fwrite(head.data(), 1, head.size(), stdout);
    std::fwrite(payload.data(), 1, payload.size(), stdout);
    std::fflush(stdout);
}

// The worker's answer to one request.
void answer(const Pipeline& pipeline, const std::string& request)
{
    const std::size_t tab = request.find('\t');
    std::size_t index = pipeline.inputs.size();
    std::from_chars(request.data(), request.data() + (tab == std::string::npos ? 0 : tab), index);
    Diagnostics warnings;
    warnings.echo_to(nullptr);
    std::string file = tab == std::string::npos ? "" : request.substr(tab + 1);
    auto fail = [&](Diagnostic error) {
        error.severity = Severity::warning;  // as a record's warnings hold it; the parent makes it an error
        write_frame(false, encode_warnings({error}, file) + encode_warnings(warnings.all(), file));
    };
    if (index >= pipeline.inputs.size() || pipeline.inputs[index].path.string() != file) {
        fail({Severity::error, "inputs-changed", {file, 0, 0},
              "the pipeline's inputs changed while the run started; run it again"});
        return;
    }
    const ArticleSource& source = pipeline.inputs[index];
    try {
        pugi::xml_document article;
        import_article(source.path, source.plan, article, warnings);
        write_frame(true, encode_record(article, warnings.all(), file));
    } catch (const Error& e) {
        fail(e.diagnostic());
    } catch (const std::bad_alloc&) {
        fail({Severity::error, "import-memory", {file, 0, 0},
              "the import needed more memory than its worker may use (--import-memory MIB sets the limit)"});
    } catch (const std::exception& e) {
        fail({Severity::error, "unexpected", {file, 0, 0}, e.what()});
    }
}

}  // namespace

int serve_imports(const fs::path& pipeline_file, long memory_mib)
{
    keep_children_in_this_group();
    if (memory_mib > 0) {
        const rlim_t bytes = static_cast<rlim_t>(memory_mib) << 20;
        const rlimit limit{bytes, bytes};
        ::setrlimit(RLIMIT_AS, &limit);
    }
    const auto pipeline = load_pipeline(pipeline_file);
    for (std::string request; std::getline(std::cin, request);) answer(*pipeline, request);
    return 0;
}

ImportWorkers::ImportWorkers(const Pipeline& pipeline, WorkerSettings settings)
    : pipeline_(pipeline), settings_(std::move(settings))
{
}

ImportWorkers::~ImportWorkers() = default;

std::unique_ptr<Worker> ImportWorkers::take_idle()
{
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto worker = std::move(idle_.back());
            idle_.pop_back();
            return worker;
        }
    }
    return std::make_unique<Worker>(std::vector<std::string>{settings_.program.string(), "import-worker",
                                                             pipeline_.file.string(),
                                                             std::to_string(settings_.memory_mib)});
}

void ImportWorkers::give_back(std::unique_ptr<Worker> worker)
{
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(worker));
}

void ImportWorkers::import(std::size_t index, pugi::xml_document& article, Diagnostics& warnings)
{
    const std::string file = pipeline_.inputs[index].path.string();
    std::unique_ptr<Worker> worker = take_idle();
    std::string why;
    if (!worker->start(why)) throw Error({file, 0, 0}, "import-crashed", "no import worker could be started: " + why);
    const auto deadline = settings_.timeout.count() > 0 ? Clock::now() + settings_.timeout : Clock::time_point::max();
    std::string buffer;
    Worker::Answer answer = Worker::Answer::ended;
    if (worker->send(std::to_string(index) + "\t" + file + "\n"))
        answer = worker->receive(buffer, [](const std::string& b) { return whole_frame(b).has_value(); }, deadline);
    if (answer == Worker::Answer::timed_out) {
        worker->stop();
        throw Error({file, 0, 0}, "import-timeout",
                    "its import did not finish within " + std::to_string(settings_.timeout.count()) +
                        " s and was stopped (--import-timeout SECONDS sets the limit)");
    }
    if (answer == Worker::Answer::ended) {
        const std::string how = worker->stop();
        throw Error({file, 0, 0}, "import-crashed", "its import worker " + how + " while importing it");
    }
    const Frame frame = *whole_frame(buffer);
    give_back(std::move(worker));
    std::vector<Diagnostic> found;
    if (frame.ok) {
        if (!decode_record(frame.payload, file, article, found))
            throw Error({file, 0, 0}, "import-crashed", "its import worker gave an answer that cannot be read");
        for (auto& warning : found) warnings.add(std::move(warning));
        return;
    }
    std::vector<Diagnostic> error;
    std::size_t at = 0;
    if (!decode_warnings(frame.payload, file, error, at) || error.size() != 1 ||
        !decode_warnings(std::string_view(frame.payload).substr(at), file, found, at))
        throw Error({file, 0, 0}, "import-crashed", "its import worker gave an answer that cannot be read");
    for (auto& warning : found) warnings.add(std::move(warning));
    throw Error(error.front().where, error.front().code, error.front().message);
}

}  // namespace mimeo::pipeline
