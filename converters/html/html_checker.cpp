#include "html/html_checker.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>

#include "common/files.hpp"
#include "common/subprocess.hpp"

namespace fs = std::filesystem;

namespace mimeo::html {
namespace {

const fs::path jar_in_package = fs::path("node_modules") / "vnu-jar" / "build" / "dist" / "vnu.jar";

fs::path find_jar()
{
    if (const char* configured = std::getenv("MIMEO_VNU_JAR"); configured && *configured) return configured;
    return find_near_mimeo(jar_in_package);
}

std::string counted(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

CheckResult check_html(const fs::path& path, Diagnostics& diagnostics)
{
    const fs::path jar = find_jar();
    std::error_code ec;
    if (jar.empty() || !fs::is_regular_file(jar, ec))
        return {CheckResult::Status::skipped, "the Nu Html Checker is not installed (npm's vnu-jar, or $MIMEO_VNU_JAR)"};
    const std::string file = path.is_relative() ? (fs::path(".") / path).string() : path.string();
    ProcessRequest request{{"java", "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.string(), "--format",
                            "json", "--exit-zero-always", file},
                           "",
                           std::chrono::minutes(5),
                           {}};
    ProcessResult result = run_process(request);
    if (result.status == ProcessResult::Status::not_started)
        return {CheckResult::Status::skipped, "java is not installed, so the Nu Html Checker cannot run"};
    if (!result.succeeded()) return {CheckResult::Status::failed,
                "the Nu Html Checker " + describe_outcome(result, request) + ": " + tail_lines(result.errors)};

    // --format json writes its report to stderr.
    nlohmann::json report = nlohmann::json::parse(result.errors, nullptr, false);
    if (report.is_discarded() || !report.contains("messages"))
        return {CheckResult::Status::failed, "the Nu Html Checker stopped without a verdict: " + tail_lines(result.errors)};
    int errors = 0, warnings = 0;
    for (const auto& message : report["messages"]) {
        const std::string type = message.value("type", "");
        const bool warning = type == "info" && message.value("subType", "") == "warning";
        if (type != "error" && !warning) continue;  // plain info is advice, not a finding
        (warning ? warnings : errors)++;
        Location where{path.string(), message.value("lastLine", message.value("firstLine", 0)),
                       message.value("firstColumn", message.value("lastColumn", 0))};
        diagnostics.add({warning ? Severity::warning : Severity::error, "html-invalid", where, message.value("message", "")});
    }
    const std::string summary = "Nu Html Checker: " + counted(errors, "error", "errors") + ", " +
                                counted(warnings, "warning", "warnings");
    // The checker's warnings are advice ("Consider using..."); its errors are invalid HTML.
    return {errors == 0 ? CheckResult::Status::passed : CheckResult::Status::failed, summary};
}

bool is_html(const fs::path& path)
{
    const std::string ext = lower_extension(path);
    return ext == ".html" || ext == ".htm" || ext == ".xhtml";
}

}  // namespace

Checker checker() { return {"html", is_html, check_html}; }

}  // namespace mimeo::html
