#include "registry/import_article.hpp"

#include "model/depth.hpp"
#include "model/link_policy.hpp"
#include "model/model.hpp"
#include "model/required_metadata.hpp"
#include "model/validate.hpp"
#include "registry/formats.hpp"

namespace fs = std::filesystem;

namespace mimeo {
namespace {

// An engine other than "native" is an importer that reads many formats (pandoc): `from`
// names the format it reads the file as; without it, the file's extension does.
const Importer& engine_importer(const std::string& engine)
{
    if (!is_engine(engine)) throw UsageError("unknown engine '" + engine + "' (known: " + engine_names() + ")");
    return *find_importer(engine);
}

std::string engine_format(const Importer& engine, const fs::path& path, const std::string& from)
{
    if (!from.empty() && from != engine.name) {
        std::string format = engine.format_named(from);
        if (format.empty())
            throw UsageError("--engine " + engine.name + ": " + engine.name + " has no reader for '" + from + "'");
        return format;
    }
    std::string format = engine.format_of_file(path);
    if (format.empty())
        throw UsageError(path.string() + ": --engine " + engine.name + ": " + engine.name +
                         " reads no format with the extension '" + path.extension().string() +
                         "'; name one with --from");
    return format;
}

}  // namespace

ImportPlan plan_import(const fs::path& path, const std::string& from, const std::string& engine,
                       const FormatOptions& options)
{
    std::error_code ec;
    if (!fs::exists(path, ec)) throw Error({path.string(), 0, 0}, "read", "no such file");
    const bool by_engine = !engine.empty() && engine != "native";
    const Importer* importer = nullptr;
    if (by_engine) importer = &engine_importer(engine);
    else if (!from.empty()) importer = &require_importer(from);
    else importer = importer_for_path(path);
    if (!importer)
        throw UsageError(path.string() + ": cannot tell the input format from the extension '" +
                         path.extension().string() + "'; name it with --from");
    FormatOptions chosen = options.only(importer->options);
    chosen.check_against(importer->options, importer->name);
    if (by_engine) chosen.set("format", engine_format(*importer, path, from));
    // A format only an importer of many formats knows by that name (`--from rst`): the name is
    // its format. Its own name, or another importer's by an alias (`md`), is not.
    else if (!from.empty() && importer->format_named && find_importer(from) != importer)
        chosen.set("format", importer->format_named(from));
    return {importer, std::move(chosen)};
}

namespace {

void set_base(pugi::xml_document& doc, const Importer& importer, const ImportRequest& request)
{
    std::error_code ec;
    const fs::path base = importer.base ? importer.base(request) : fs::absolute(request.path, ec).parent_path();
    pugi::xml_node article = model::article_of(doc);
    article.remove_attribute("base");
    article.prepend_attribute("base") = base.string().c_str();
}

}  // namespace

void import_article(const fs::path& path, const ImportPlan& plan, pugi::xml_document& out, Diagnostics& diagnostics)
{
    const ImportRequest request{path, plan.options};
    plan.importer->read(request, out, diagnostics);
    // What every article needs, whoever read it; the schema is checked once, by the caller, after
    // any transforms.
    model::require_depth(model::article_of(out), path.string());
    set_base(out, *plan.importer, request);
    model::complete_required_metadata(model::article_of(out), path,
                                      plan.importer->warns_untitled ? &diagnostics : nullptr);
    // Body links by the URL policy, and to ids the article has: an EPUB's links must resolve.
    model::warn_unlinked(model::unlink_refused(model::article_of(out)), path.string(), "url-scheme",
                         "whose target is not an http:, https: or mailto: URL (nor relative)", diagnostics);
    model::warn_unlinked(model::unlink_dangling(model::article_of(out)), path.string(), "link-dangling",
                         "to a place (#id) the article does not have", diagnostics);
}

void import_file(const fs::path& path, const std::string& from, const FormatOptions& options, pugi::xml_document& out,
                 Diagnostics& diagnostics)
{
    import_article(path, plan_import(path, from, options.get_string("engine"), options), out, diagnostics);
    model::require_valid(out, path.string());
}

void restore_base(const fs::path& path, const ImportPlan& plan, pugi::xml_document& article)
{
    set_base(article, *plan.importer, {path, plan.options});
}

}  // namespace mimeo
