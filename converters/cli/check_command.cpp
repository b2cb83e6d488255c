#include <cstdio>

#include "cli/command_line.hpp"
#include "registry/formats.hpp"

namespace mimeo::cli {

int check_command(const Arguments& args)
{
    po::options_description options("check options");
    options.add_options()
        ("file", po::value<std::vector<std::string>>(), "finished outputs (EPUB, JATS, feeds, email, canonical XML)")
        ("format", po::value<std::string>()->default_value(""), "check as this format instead of guessing");
    po::variables_map values;
    if (!parse(args, "mimeo check FILE... [--format FORMAT]", options, "file", values)) return 0;
    if (!values.count("file")) throw UsageError("give at least one file");

    int failed = 0;
    Diagnostics diagnostics;
    for (const auto& file : values["file"].as<std::vector<std::string>>()) {
        const std::string& format = values["format"].as<std::string>();
        const Checker* checker = format.empty() ? checker_for_path(file) : find_checker(format);
        if (!checker) throw UsageError(file + ": no check knows this kind of file; name one with --format");
        CheckResult result = checker->check(file, diagnostics);
        const char* status = result.status == CheckResult::Status::passed   ? "passed"
                             : result.status == CheckResult::Status::failed ? "FAILED"
                                                                            : "skipped";
        std::printf("%s: %s check %s: %s\n", file.c_str(), checker->name.c_str(), status, result.summary.c_str());
        if (result.status == CheckResult::Status::failed) ++failed;
    }
    return failed ? 1 : 0;
}

}  // namespace mimeo::cli
