#include "common/pandoc_run.hpp"

#include <cstdlib>
#include <mutex>
#include <set>

#include "common/subprocess.hpp"

namespace mimeo::pandoc {
namespace {

// pandoc's stderr on success holds its warnings, each a line, continued by indented lines.
void forward_warnings(const std::string& errors, const std::string& file, Diagnostics& diagnostics)
{
    std::vector<std::string> messages;
    std::size_t start = 0;
    while (start < errors.size()) {
        std::size_t end = errors.find('\n', start);
        if (end == std::string::npos) end = errors.size();
        std::string line = errors.substr(start, end - start);
        start = end + 1;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if ((line[0] == ' ' || line[0] == '\t') && !messages.empty())
            messages.back() += " " + line.substr(line.find_first_not_of(" \t"));
        else
            messages.push_back(line);
    }
    for (auto& message : messages) {
        if (message.rfind("[WARNING] ", 0) == 0) message.erase(0, 10);
        diagnostics.warn({file, 0, 0}, "pandoc-warning", "pandoc: " + message);
    }
}

struct Attempt {
    ProcessRequest request;
    ProcessResult result;
};

// GHC's runtime takes its own options between +RTS and -RTS; -M is the heap's ceiling.
Attempt attempt(const Tool& tool, const std::vector<std::string>& args, const std::string& input, bool sandboxed)
{
    ProcessRequest request;
    request.argv.push_back(tool.program);
    if (tool.memory_mib > 0)
        request.argv.insert(request.argv.end(), {"+RTS", "-M" + std::to_string(tool.memory_mib) + "m", "-RTS"});
    if (sandboxed) request.argv.push_back("--sandbox");
    request.argv.insert(request.argv.end(), args.begin(), args.end());
    request.input = input;
    request.timeout = tool.timeout;
    ProcessResult result = run_process(request);
    return {std::move(request), std::move(result)};
}

// pandoc's exit status 97 is its "could not find data file".
bool lacks_data_files(const Attempt& run)
{
    const ProcessResult& result = run.result;
    return result.status == ProcessResult::Status::exited && result.exit_code == 97 &&
           result.errors.find("Could not find data file") != std::string::npos;
}

// GHC's runtime exits with 251 when the heap passes its -M ceiling.
bool ran_out_of_memory(const ProcessResult& result)
{
    return result.status == ProcessResult::Status::exited && result.exit_code == 251 &&
           result.errors.find("Heap exhausted") != std::string::npos;
}

std::string finish(const Tool& tool, Attempt run, const std::string& file, Diagnostics& diagnostics)
{
    const ProcessRequest& request = run.request;
    ProcessResult& result = run.result;
    const std::string who = "pandoc ('" + tool.program + "')";
    switch (result.status) {
    case ProcessResult::Status::not_started:
        throw Error({file, 0, 0}, "pandoc-missing",
                    who + " " + describe_outcome(result, request) +
                        "; install pandoc 2.11 or later, or name it with MIMEO_PANDOC=PATH or the option pandoc=PATH");
    case ProcessResult::Status::timed_out:
        throw Error({file, 0, 0}, "pandoc-timeout",
                    who + " " + describe_outcome(result, request) + " (the option timeout=SECONDS sets the limit)");
    case ProcessResult::Status::signaled:
    case ProcessResult::Status::exited:
        if (result.succeeded()) break;
        if (ran_out_of_memory(result))
            throw Error({file, 0, 0}, "pandoc-memory",
                        who + " used more than " + std::to_string(tool.memory_mib) +
                            " MiB of memory and was stopped (the option memory=MIB sets the limit)");
        {
            std::string said = tail_lines(result.errors);
            throw Error({file, 0, 0}, "pandoc-failed",
                        who + " " + describe_outcome(result, request) +
                            (said.empty() ? " and said nothing" : ": " + said));
        }
    }
    forward_warnings(result.errors, file, diagnostics);
    return std::move(result.output);
}

}  // namespace

const std::vector<OptionSpec>& tool_options()
{
    static const std::vector<OptionSpec> specs = {
        {"pandoc", OptionType::string, "", "the pandoc executable", {}, {}, {}, "`$MIMEO_PANDOC`, else `pandoc` on `PATH`"},
        {"timeout", OptionType::integer, "60",
         "seconds pandoc may run; then it is stopped (with anything it started); `0`: no limit", {}, 0},
        {"memory", OptionType::integer, "2048",
         "MiB of heap pandoc may use (GHC's `+RTS -M`); past it pandoc stops with `pandoc-memory`; `0`: no limit", {}, 0},
    };
    return specs;
}

Tool default_tool()
{
    Tool tool;
    if (const char* env = std::getenv("MIMEO_PANDOC"); env && *env) tool.program = env;
    return tool;
}

Tool tool_from(const FormatOptions& options)
{
    Tool tool = default_tool();
    if (options.has("pandoc")) tool.program = options.get_string("pandoc");
    tool.timeout = std::chrono::seconds(options.get_int("timeout"));
    tool.memory_mib = options.get_int("memory");
    return tool;
}

std::string run(const Tool& tool, const std::vector<std::string>& args, const std::string& input,
                const std::string& file, Diagnostics& diagnostics)
{
    return finish(tool, attempt(tool, args, input, true), file, diagnostics);
}

std::string run_writer(const Tool& tool, const std::vector<std::string>& args, const std::string& input,
                       const std::string& file, Diagnostics& diagnostics)
{
    // Learnt once per program and command: a writer that failed sandboxed is not tried so again.
    static std::mutex mutex;
    static std::set<std::string> unsandboxable;
    std::string command = tool.program;
    for (const auto& arg : args) command += '\0' + arg;
    bool known;
    {
        std::lock_guard lock(mutex);
        known = unsandboxable.count(command) > 0;
    }
    if (!known) {
        Attempt sandboxed = attempt(tool, args, input, true);
        if (!lacks_data_files(sandboxed)) return finish(tool, std::move(sandboxed), file, diagnostics);
        std::lock_guard lock(mutex);
        unsandboxable.insert(command);
    }
    diagnostics.warn({file, 0, 0}, "pandoc-unsandboxed",
                     "pandoc ('" + tool.program + "') cannot run this writer sandboxed, as its data files are not "
                     "built into it (pandoc issue #8128); it ran without --sandbox on mimeo's own document, whose "
                     "images are embedded and which names no file");
    return finish(tool, attempt(tool, args, input, false), file, diagnostics);
}

}  // namespace mimeo::pandoc
