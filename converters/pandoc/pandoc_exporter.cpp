#include "pandoc/pandoc_exporter.hpp"

#include <set>

#include "model/model.hpp"
#include "pandoc/model_to_json.hpp"
#include "pandoc/pandoc_formats.hpp"
#include "pandoc/pandoc_tool.hpp"

namespace mimeo::pandoc {
namespace {

// pandoc finds images by their paths relative to the articles' folders.
std::string resource_path(pugi::xml_node issue)
{
    std::set<std::string> seen;
    std::string joined;
    for (pugi::xml_node article : model::articles(issue)) {
        std::string base = article.attribute("base").value();
        if (base.empty() || !seen.insert(base).second) continue;
        joined += (joined.empty() ? "" : ":") + base;
    }
    return joined;
}

void write_through_pandoc(const ExportRequest& request)
{
    const std::string to = request.options.get_string("to");
    if (to.empty())
        throw UsageError("pandoc: name pandoc's writer with the option to=FORMAT (or --to pandoc:FORMAT), "
                         "such as odt, docx, latex or rst");
    const std::string file = request.target.string();
    const Tool tool = tool_from(request.options);
    const int minor = installed_api_minor(tool, file, request.diagnostics);
    pugi::xml_node issue = model::issue_of(request.issue);
    const std::string document =
        issue_to_json(issue, minor).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);

    std::vector<std::string> args = {"-f", "json", "-t", to, "-o", "-"};
    if (request.options.get_bool("standalone", true) && !writes_binary(to)) args.push_back("--standalone");
    if (std::string path = resource_path(issue); !path.empty()) args.push_back("--resource-path=" + path);
    request.out.write(request.target, run(tool, args, document, file, request.diagnostics));
}

}  // namespace

Exporter exporter()
{
    std::vector<OptionSpec> options = {
        {"to", OptionType::string, "", "pandoc's writer (its -t): odt, docx, latex, rst, ... (required)"},
        {"standalone", OptionType::boolean, "true", "a whole document with its header, not a fragment"},
    };
    options.insert(options.end(), tool_options().begin(), tool_options().end());
    return {"pandoc",
            "any format pandoc writes (odt, docx, latex, rst, ...; --to pandoc:FORMAT), through the pandoc executable",
            TargetKind::file,
            options,
            write_through_pandoc};
}

}  // namespace mimeo::pandoc
