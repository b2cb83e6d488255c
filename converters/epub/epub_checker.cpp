#include "epub/epub_checker.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "common/files.hpp"
#include "common/subprocess.hpp"

namespace fs = std::filesystem;

namespace mimeo::epub {
namespace {

constexpr const char* default_jar = "/usr/share/java/epubcheck.jar";

// "ERROR(RSC-005): book.epub/EPUB/text/a.xhtml(12,7): message" -> a diagnostic.
bool parse_message(const std::string& line, Diagnostic& out)
{
    static const std::pair<const char*, Severity> kinds[] = {
        {"FATAL(", Severity::error}, {"ERROR(", Severity::error}, {"WARNING(", Severity::warning}};
    for (const auto& [prefix, severity] : kinds) {
        if (line.rfind(prefix, 0) != 0) continue;
        std::size_t id_start = std::string_view(prefix).size();
        std::size_t id_end = line.find("): ", id_start);
        if (id_end == std::string::npos) return false;
        out.severity = severity;
        out.code = "epubcheck";
        std::string rest = line.substr(id_end + 3);
        std::string id = line.substr(id_start, id_end - id_start);
        // The location ends at "(line,col): "; file names may hold parentheses, so search from the right.
        std::size_t colon = rest.find("): ");
        std::size_t open = colon == std::string::npos ? std::string::npos : rest.rfind('(', colon);
        if (open != std::string::npos) {
            out.where.file = rest.substr(0, open);
            int line_number = 0, column = 0;
            if (std::sscanf(rest.c_str() + open, "(%d,%d)", &line_number, &column) == 2) {
                out.where.line = std::max(0, line_number);
                out.where.column = std::max(0, column);
            }
            out.message = id + ": " + rest.substr(colon + 3);
        } else {
            out.message = id + ": " + rest;
        }
        return true;
    }
    return false;
}

CheckResult check_epub(const fs::path& path, Diagnostics& diagnostics)
{
    const char* jar_override = std::getenv("MIMEO_EPUBCHECK_JAR");
    const std::string jar = jar_override && *jar_override ? jar_override : default_jar;
    if (!fs::exists(jar)) return {CheckResult::Status::skipped, "epubcheck is not installed (" + jar + " is missing)"};
    if (!fs::is_regular_file(path)) return {CheckResult::Status::failed, "no such file"};

    // A name starting with '-' would be read as an option.
    const std::string file = path.is_relative() ? (fs::path(".") / path).string() : path.string();
    // C1 only and the serial collector: half the CPU of a default JVM for a run this short.
    ProcessRequest request{{"java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar, file}, "",
                           std::chrono::minutes(10), {}};
    ProcessResult result = run_process(request);
    if (result.status == ProcessResult::Status::not_started)
        return {CheckResult::Status::skipped, "java is not installed, so epubcheck cannot run (" + result.start_error + ")"};
    if (result.status != ProcessResult::Status::exited)
        return {CheckResult::Status::failed, "epubcheck " + describe_outcome(result, request)};

    int errors = 0, warnings = 0;
    bool finished = false;
    std::istringstream lines(result.output + "\n" + result.errors);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("Messages:", 0) == 0) finished = true;
        Diagnostic message;
        if (!parse_message(line, message)) continue;
        (message.severity == Severity::error ? errors : warnings)++;
        diagnostics.add(std::move(message));
    }
    if (!finished && errors == 0)
        return {CheckResult::Status::failed, "epubcheck stopped without a verdict: " + tail_lines(result.errors)};
    std::string summary = "epubcheck: " + std::to_string(errors) + (errors == 1 ? " error, " : " errors, ") +
                          std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
    const bool clean = errors == 0 && warnings == 0 && result.exit_code == 0;
    return {clean ? CheckResult::Status::passed : CheckResult::Status::failed, summary};
}

bool is_epub(const fs::path& path) { return lower_extension(path) == ".epub"; }

}  // namespace

Checker checker() { return {"epub", is_epub, check_epub}; }

}  // namespace mimeo::epub
