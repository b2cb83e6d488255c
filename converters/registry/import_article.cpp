#include "registry/import_article.hpp"

#include "model/link_policy.hpp"
#include "model/model.hpp"
#include "model/validate.hpp"
#include "pandoc/pandoc_formats.hpp"
#include "registry/formats.hpp"

namespace fs = std::filesystem;

namespace mimeo {
namespace {

// With the pandoc engine, `from` names pandoc's reader (mimeo's names for Markdown and
// DOCX are pandoc's too); without it, the format is the file's extension.
std::string pandoc_reader(const fs::path& path, const std::string& from)
{
    if (!from.empty() && from != "pandoc") {
        if (!pandoc::is_reader(from)) throw UsageError("--engine pandoc: pandoc has no reader for '" + from + "'");
        return from;
    }
    std::string reader = pandoc::reader_for_extension(path);
    if (reader.empty())
        throw UsageError(path.string() + ": --engine pandoc: pandoc reads no format with the extension '" +
                         path.extension().string() + "'; name one with --from");
    return reader;
}

// The importer for `path` and the options it is given.
std::pair<const Importer*, FormatOptions> choose(const fs::path& path, const std::string& from,
                                                 const std::string& engine, const FormatOptions& options)
{
    if (!engine.empty() && engine != "native" && engine != "pandoc")
        throw UsageError("unknown engine '" + engine + "' (known: native, pandoc)");
    const Importer* importer = nullptr;
    if (engine == "pandoc") importer = &require_importer("pandoc");
    else if (!from.empty()) importer = &require_importer(from);
    else importer = importer_for_path(path);
    if (!importer)
        throw UsageError(path.string() + ": cannot tell the input format from the extension '" +
                         path.extension().string() + "'; name it with --from");
    FormatOptions chosen = options.only(importer->options);
    chosen.check_against(importer->options, importer->name);
    if (engine == "pandoc") chosen.set("format", pandoc_reader(path, from));
    // A format pandoc reads under a name no importer has: the name is pandoc's reader.
    else if (!from.empty() && importer->name != from) chosen.set("format", from);
    return {importer, std::move(chosen)};
}

void set_base(pugi::xml_document& doc, const Importer& importer, const ImportRequest& request)
{
    std::error_code ec;
    const fs::path base = importer.base ? importer.base(request) : fs::absolute(request.path, ec).parent_path();
    pugi::xml_node article = model::article_of(doc);
    article.remove_attribute("base");
    article.prepend_attribute("base") = base.string().c_str();
}

// Body links by the URL policy: refused ones are kept as their text, and named.
void refuse_links(pugi::xml_document& doc, const fs::path& path, Diagnostics& diagnostics)
{
    const auto refused = model::unlink_refused(model::article_of(doc));
    if (refused.empty()) return;
    std::string named;
    for (std::size_t i = 0; i < refused.size() && i < 5; ++i) named += (i ? ", '" : "'") + refused[i] + "'";
    if (refused.size() > 5) named += " and " + std::to_string(refused.size() - 5) + " more";
    diagnostics.warn({path.string(), 0, 0}, "url-scheme",
                     std::to_string(refused.size()) + (refused.size() == 1 ? " link" : " links") +
                         " whose target is not an http:, https: or mailto: URL (nor relative) kept as text: " + named);
}

}  // namespace

void import_article(const fs::path& path, const std::string& from, const std::string& engine,
                    const FormatOptions& options, pugi::xml_document& out, Diagnostics& diagnostics)
{
    std::error_code ec;
    if (!fs::exists(path, ec)) throw Error({path.string(), 0, 0}, "read", "no such file");
    auto [importer, chosen] = choose(path, from, engine, options);
    const ImportRequest request{path, chosen};
    importer->read(request, out, diagnostics);
    set_base(out, *importer, request);
    refuse_links(out, path, diagnostics);
    model::require_valid(out, path.string());
}

void restore_base(const fs::path& path, const std::string& from, const std::string& engine,
                  const FormatOptions& options, pugi::xml_document& article)
{
    auto [importer, chosen] = choose(path, from, engine, options);
    set_base(article, *importer, {path, chosen});
}

void import_article(const fs::path& path, const std::string& from, const FormatOptions& options,
                    pugi::xml_document& out, Diagnostics& diagnostics)
{
    import_article(path, from, options.get_string("engine", "native"), options, out, diagnostics);
}

}  // namespace mimeo
