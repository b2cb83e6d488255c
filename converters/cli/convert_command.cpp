#include <cstdio>
#include <optional>

#include "cli/command_line.hpp"
#include "common/files.hpp"
#include "pipeline/console_progress.hpp"
#include "pipeline/convert_pipeline.hpp"
#include "pipeline/runner.hpp"
#include "pipeline/shard.hpp"
#include "registry/formats.hpp"

namespace mimeo::cli {

int convert_command(const Arguments& args)
{
    po::options_description options("convert options");
    options.add_options()
        ("input", po::value<std::vector<std::string>>(), "articles, in order")
        ("to,t", po::value<std::string>(), "output format (html, xml, ...; pandoc:FORMAT for pandoc's writers)")
        ("output,o", po::value<std::string>(), "output file, or folder for per-article formats")
        ("issue", po::value<std::string>(), "issue description (YAML with publication: and issue:)")
        ("fragment", "html: only the body content, with no page around it")
        ("drafts", "take in the articles marked draft (draft: true, published: false), which are left out")
        ("option,O", po::value<std::vector<std::string>>()->composing(), "output format option KEY=VALUE (repeatable)");
    add_import_options(options);
    add_quiet_codes(options);
    po::variables_map values;
    if (!parse(args, "mimeo convert IN... --to FORMAT -o OUT [--issue ISSUE.yaml] [--drafts] [-O KEY=VALUE]...", options,
               "input", values))
        return 0;
    if (!values.count("input")) throw UsageError("give at least one input file");
    if (!values.count("to")) throw UsageError("name the output format with --to");
    if (!values.count("output")) throw UsageError("name the output with -o");

    pipeline::ConvertRequest request;
    for (const std::string& input : values["input"].as<std::vector<std::string>>()) request.inputs.push_back(input);
    request.from = values["from"].as<std::string>();
    request.import_options = import_options_from(values);
    request.format = values["to"].as<std::string>();
    request.output = values["output"].as<std::string>();
    request.export_options = assignments(values, "option");
    if (auto colon = request.format.find(':'); colon != std::string::npos) {
        request.export_options.set("to", request.format.substr(colon + 1));
        request.format = request.format.substr(0, colon);
    }
    if (values.count("fragment")) request.export_options.set("fragment", "true");
    if (values.count("issue")) request.issue = values["issue"].as<std::string>();
    // `-o -`: the one file is written in a private folder, then to standard output.
    std::optional<TemporaryFolder> to_stdout;
    if (request.output == "-") {
        to_stdout.emplace("mimeo-convert");
        request.output = (to_stdout->path() / "out").string();
    }
    const auto converting = pipeline::convert_pipeline(request);
    const pipeline::OutputSpec& output = converting->outputs.front();
    if (to_stdout && (is_per_article(output) || find_exporter(output.format)->target == TargetKind::folder))
        throw UsageError("-o - writes one file to standard output; " + request.format + " writes a folder");

    // Every article is imported, checked against the schema and written by the runner of
    // `mimeo run`; its errors are reported together, and nothing is written after one.
    Diagnostics diagnostics;
    apply_quiet_codes(values, diagnostics);
    pipeline::ConsoleProgress silent(stderr, false, true);
    pipeline::RunOptions run;
    run.use_cache = false;
    run.drafts = values.count("drafts") > 0;
    const pipeline::RunReport report = pipeline::run_pipeline(*converting, run, diagnostics, silent);
    for (const Diagnostic& error : report.errors) std::fprintf(stderr, "%s\n", format_diagnostic(error).c_str());
    if (!report.errors.empty()) return 1;
    if (to_stdout) {
        const std::string bytes = read_file(request.output);
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    }
    return 0;
}

}  // namespace mimeo::cli
