#include "pandoc/pandoc_importer.hpp"

#include <stdlib.h>

#include "common/files.hpp"
#include "model/model.hpp"
#include "model/references.hpp"
#include "model/xml_text.hpp"
#include "pandoc/json_metadata.hpp"
#include "pandoc/json_to_model.hpp"
#include "pandoc/pandoc_formats.hpp"
#include "pandoc/pandoc_tool.hpp"

namespace fs = std::filesystem;

namespace mimeo::pandoc {
namespace {

constexpr long max_input_mib = 64;

// Where images embedded in the input go: the `media-dir` option (named as the DOCX
// importer's), `{stem}` standing for the input's name without extension, relative to
// the input's folder.
fs::path media_folder(const ImportRequest& request)
{
    std::string pattern = request.options.get_string("media-dir");
    for (std::size_t at; (at = pattern.find("{stem}")) != std::string::npos;)
        pattern.replace(at, 6, request.path.stem().string());
    return fs::absolute(request.path).parent_path() / pattern;
}

// pandoc extracts into a hidden folder beside the final one, which the media reach only
// when the whole import has succeeded: a failed import leaves nothing behind.
class ExtractedMedia {
public:
    ExtractedMedia(fs::path target, const std::string& file) : target_(std::move(target))
    {
        std::error_code ec;
        fs::create_directories(target_.parent_path(), ec);
        std::string pattern = (target_.parent_path() / ("." + target_.filename().string() + ".mimeo-XXXXXX")).string();
        if (!::mkdtemp(pattern.data()))
            throw Error({file, 0, 0}, "write", "cannot make a folder for the images beside " + target_.string());
        staging_ = pattern;
    }
    ~ExtractedMedia()
    {
        std::error_code ec;
        if (!staging_.empty()) fs::remove_all(staging_, ec);
    }
    ExtractedMedia(const ExtractedMedia&) = delete;
    ExtractedMedia& operator=(const ExtractedMedia&) = delete;

    const fs::path& staging() const { return staging_; }

    // Moves the extracted files into place (over an earlier import's, never removing
    // anything else) and points the article's images at them, relative to `base`.
    void commit(pugi::xml_node article, const fs::path& base, const std::string& file)
    {
        std::error_code ec;
        if (fs::is_empty(staging_, ec)) return;
        for (auto it = fs::recursive_directory_iterator(staging_); it != fs::recursive_directory_iterator(); ++it) {
            if (!it->is_regular_file()) continue;
            const fs::path to = target_ / it->path().lexically_relative(staging_);
            fs::create_directories(to.parent_path(), ec);
            fs::rename(it->path(), to, ec);
            if (ec) throw Error({file, 0, 0}, "write", "cannot move an image to " + to.string() + ": " + ec.message());
        }
        const std::string prefix = staging_.string() + "/";
        for (pugi::xpath_node found : article.select_nodes(".//image")) {
            pugi::xml_attribute src = found.node().attribute("src");
            const std::string value = src.value();
            if (value.rfind(prefix, 0) != 0) continue;
            const fs::path moved = target_ / value.substr(prefix.size());
            fs::path relative = moved.lexically_relative(base);
            src.set_value((relative.empty() ? moved : relative).generic_string().c_str());
        }
    }

private:
    fs::path target_;
    fs::path staging_;
};

// A citation of a work the metadata's references do not hold keeps its text, counted.
void settle_citations(pugi::xml_node article, const std::string& file, Diagnostics& diagnostics)
{
    const auto unresolved = model::unwrap_dangling_xrefs(article);
    if (auto found = unresolved.find("reference"); found != unresolved.end())
        diagnostics.warn({file, 0, 0}, "citation-unknown",
                         std::to_string(found->second) + " citations of works no reference (`references:`, `bibliography:`) "
                                                         "names kept as their text");
}

void read_through_pandoc(const ImportRequest& request, pugi::xml_document& out, Diagnostics& diagnostics)
{
    const std::string file = request.path.string();
    const Tool tool = tool_from(request.options);
    std::string format = request.options.get_string("format");
    if (format.empty()) format = reader_for_extension(request.path);
    if (format.empty())
        throw UsageError(file + ": cannot tell which of pandoc's readers to use from the extension '" +
                         request.path.extension().string() + "'; name it with --from FORMAT");
    if (!is_reader(format)) throw UsageError("pandoc has no reader named '" + format + "'");

    const fs::path input = fs::absolute(request.path);
    // pandoc reads the file itself: its size is checked first, as every importer's is.
    require_size_at_most(input, max_size_bytes(request.options));
    std::vector<std::string> args = {"-f", format, "-t", "json"};
    std::optional<ExtractedMedia> media;
    if (embeds_media(format)) {
        media.emplace(media_folder(request), file);
        args.push_back("--extract-media=" + media->staging().string());
    }
    args.push_back(input.string());
    const json document = parse_json(run(tool, args, "", file, diagnostics), tool, file);
    const int minor = api_minor(document, tool, file);

    pugi::xml_document result;
    pugi::xml_node article = model::new_article(result);
    try {
        TreeMapper mapper(article, minor);
        mapper.body(document.at("blocks"));
        map_metadata(document.at("meta"), mapper, article, file, diagnostics);
        mapper.report(file, diagnostics);
        model::link_citations(article, file, diagnostics);
        settle_citations(article, file, diagnostics);
    } catch (const json::exception& e) {
        throw Error({file, 0, 0}, "pandoc-json", std::string("pandoc's JSON is not the document tree expected: ") + e.what());
    }
    // pandoc passes on control characters its readers were given (&#1; in HTML, raw bytes in RST).
    if (const std::size_t replaced = model::clean_tree(article))
        diagnostics.warn({file, 0, 0}, "control-char",
                         std::to_string(replaced) + " characters XML cannot hold replaced with U+FFFD");
    if (media) media->commit(article, input.parent_path(), file);
    out.reset(result);
}

}  // namespace

Importer importer()
{
    std::vector<OptionSpec> options = {
        {"format", OptionType::string, "", "pandoc's reader (its `-f`), such as `odt`, `rst` or `markdown+smart`; "
         "`--from` sets it", {}, {}, {}, "by extension"},
        {"media-dir", OptionType::string, "\"{stem}-media\"",
         "the folder images embedded in the input (ODT, DOCX, EPUB, RTF, FB2, ipynb, PPTX) are extracted to, relative "
         "to the input's folder; `{stem}` is the input's file name without extension"},
        max_size_option(max_input_mib),
    };
    options.insert(options.end(), tool_options().begin(), tool_options().end());
    return {.name = "pandoc",
            .extensions = reader_extensions(),
            .description = "any format pandoc reads (ODT, HTML, LaTeX, reStructuredText, Org, DocBook, EPUB, RTF, "
                           "...), through the pandoc executable",
            .options = options,
            .read = read_through_pandoc,
            .format_named = reader_named,
            .format_of_file = reader_for_extension};
}

}  // namespace mimeo::pandoc
