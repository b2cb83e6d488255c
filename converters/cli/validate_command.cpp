#include <cstdio>

#include "cli/command_line.hpp"
#include "model/validate.hpp"

namespace mimeo::cli {

int validate_command(const Arguments& args)
{
    po::options_description options("validate options");
    options.add_options()("file", po::value<std::vector<std::string>>(), "canonical XML files");
    po::variables_map values;
    if (!parse(args, "mimeo validate FILE...", options, "file", values)) return 0;
    if (!values.count("file")) throw UsageError("give at least one file");

    int invalid = 0;
    for (const auto& file : values["file"].as<std::vector<std::string>>()) {
        std::vector<Diagnostic> problems;
        try {
            problems = model::validate_file(file);
        } catch (const Error& e) {
            problems.push_back(e.diagnostic());
        }
        for (const auto& problem : problems) std::fprintf(stderr, "%s\n", format_diagnostic(problem).c_str());
        if (!problems.empty()) ++invalid;
        else std::printf("%s: valid\n", file.c_str());
    }
    return invalid ? 1 : 0;
}

}  // namespace mimeo::cli
