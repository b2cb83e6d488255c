#include "pandoc/pandoc_exporter.hpp"

#include "model/model.hpp"
#include "pandoc/embedded_images.hpp"
#include "pandoc/model_to_json.hpp"
#include "pandoc/pandoc_formats.hpp"
#include "pandoc/pandoc_tool.hpp"

namespace mimeo::pandoc {
namespace {

void write_through_pandoc(const ExportRequest& request)
{
    const std::string to = request.options.get_string("to");
    if (to.empty())
        throw UsageError("pandoc: name pandoc's writer with the option to=FORMAT (or --to pandoc:FORMAT), "
                         "such as odt, docx, latex or rst");
    const std::string file = request.target.string();
    const Tool tool = tool_from(request.options);
    const int minor = installed_api_minor(tool, file, request.diagnostics);
    pugi::xml_document copy;
    copy.reset(request.issue);
    pugi::xml_node issue = model::issue_of(copy);
    // Text writers only name their images; the others pack them.
    if (writes_binary(to)) embed_images(issue, request.options.get_bool("outside-images"));
    const std::string document =
        issue_to_json(issue, minor).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);

    std::vector<std::string> args = {"-f", "json", "-t", to, "-o", "-"};
    if (request.options.get_bool("standalone") && !writes_binary(to)) args.push_back("--standalone");
    request.out.write(request.target, run_writer(tool, args, document, file, request.diagnostics));
}

}  // namespace

Exporter exporter()
{
    std::vector<OptionSpec> options = {
        {"to", OptionType::string, "",
         "pandoc's writer (its `-t`): `odt`, `docx`, `latex`, `rst`, `epub`, `html5`, ...; `--to pandoc:FORMAT` sets it",
         {}, {}, {}, "required"},
        {"standalone", OptionType::boolean, "true",
         "a whole document (pandoc's `--standalone`); binary formats always are"},
        {"outside-images", OptionType::boolean, "false",
         "pack images from outside the article's folder; by default they are an error (`image-outside`)"},
    };
    options.insert(options.end(), tool_options().begin(), tool_options().end());
    return {"pandoc",
            "any format pandoc writes (odt, docx, latex, rst, ...; --to pandoc:FORMAT), through the pandoc executable",
            TargetKind::file,
            options,
            write_through_pandoc};
}

}  // namespace mimeo::pandoc
