#include <libxml/parser.h>

#include <exception>
#include <numeric>

#include "cli/command_line.hpp"
#include "common/output_set.hpp"
#include "model/issue_metadata.hpp"
#include "model/model.hpp"
#include "pipeline/parallel.hpp"
#include "registry/formats.hpp"
#include "registry/import_article.hpp"

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
        ("option,O", po::value<std::vector<std::string>>()->composing(), "output format option KEY=VALUE (repeatable)");
    add_import_options(options);
    po::variables_map values;
    if (!parse(args, "mimeo convert IN... --to FORMAT -o OUT [--issue ISSUE.yaml] [-O KEY=VALUE]...", options,
               "input", values))
        return 0;
    if (!values.count("input")) throw UsageError("give at least one input file");
    if (!values.count("to")) throw UsageError("name the output format with --to");
    if (!values.count("output")) throw UsageError("name the output with -o");

    std::string format = values["to"].as<std::string>();
    FormatOptions export_options = assignments(values, "option");
    if (auto colon = format.find(':'); colon != std::string::npos) {
        export_options.set("to", format.substr(colon + 1));
        format = format.substr(0, colon);
    }
    if (values.count("fragment")) export_options.set("fragment", "true");
    const Exporter& exporter = require_exporter(format);
    export_options.check_against(exporter.options, format);

    Diagnostics diagnostics;
    pugi::xml_document issue_doc;
    pugi::xml_node issue = model::new_issue(issue_doc);
    if (values.count("issue")) model::load_issue_description(values["issue"].as<std::string>(), issue);
    const FormatOptions import_options = import_options_from(values);
    // Articles are imported in parallel, one job per core, and kept in the order given.
    const auto& inputs = values["input"].as<std::vector<std::string>>();
    std::vector<pugi::xml_document> articles(inputs.size());
    std::vector<std::exception_ptr> failures(inputs.size());
    std::vector<std::size_t> indexes(inputs.size());
    std::iota(indexes.begin(), indexes.end(), 0);
    xmlInitParser();  // libxml2 sets up its shared state once, before the threads use it
    pipeline::for_each_parallel(indexes, pipeline::default_jobs(), [&](std::size_t i) {
        try {
            import_article(inputs[i], values["from"].as<std::string>(), import_options, articles[i], diagnostics);
        } catch (...) {
            failures[i] = std::current_exception();
        }
    });
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (failures[i]) std::rethrow_exception(failures[i]);
        issue.child("articles").append_copy(model::article_of(articles[i]));
    }

    OutputSet out;
    exporter.write({issue_doc, values["output"].as<std::string>(), export_options, out, diagnostics});
    out.commit();
    return 0;
}

}  // namespace mimeo::cli
