#include "docx/docx_importer.hpp"

#include <xxhash.h>

#include <cstdlib>
#include <fstream>

#include "docx/media.hpp"
#include "docx/reader.hpp"
#include "docx/to_model.hpp"
#include "docx/zip_package.hpp"
#include "model/model.hpp"

namespace fs = std::filesystem;

namespace mimeo::docx {
namespace {

const std::vector<OptionSpec> docx_options = {
    {"comments", OptionType::string, "drop",
     "`drop`: comments are left out, with a warning; `notes`: each becomes a footnote (`comment1` ...) starting "
     "with its author",
     {"drop", "notes"}},
    {"track-changes", OptionType::string, "accept",
     "`accept`: insertions kept, deletions dropped; `reject`: deletions kept, insertions dropped", {"accept", "reject"}},
    {"media-dir", OptionType::path, "", "the folder pictures are written to", {}, {}, {},
     "`$XDG_CACHE_HOME/mimeo/docx/HASH/media`"},
    {"max-part-size", OptionType::integer, "256", "the limit, in MiB, on the unpacked size of one part of the package",
     {}, 1},
};

// Content hash of the file: the same document always extracts to the same folder.
std::string content_hash(const fs::path& path)
{
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    std::ifstream in(path, std::ios::binary);
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
        XXH3_64bits_update(state, buffer, static_cast<std::size_t>(in.gcount()));
    const XXH64_hash_t hash = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

fs::path cache_root()
{
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "mimeo";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "mimeo";
    return fs::temp_directory_path() / "mimeo-cache";
}

// Where pictures go, and the article base their src is relative to.
struct MediaPlace {
    fs::path folder, base;
    std::string prefix;
};

MediaPlace media_place(const ImportRequest& request)
{
    std::string chosen = request.options.get_string("media-dir");
    if (chosen.empty()) {
        const fs::path base = cache_root() / "docx" / content_hash(request.path);
        return {base / "media", base, "media/"};
    }
    fs::path folder = fs::absolute(chosen).lexically_normal();
    if (folder.filename().empty()) folder = folder.parent_path();
    return {folder, folder.parent_path(), folder.filename().string() + "/"};
}

void read_docx(const ImportRequest& request, pugi::xml_document& out, Diagnostics& diagnostics)
{
    // The import service checked the options against docx_options.
    const std::string file = request.path.string();
    const bool reject = request.options.get_string("track-changes") == "reject";
    const bool comments_as_notes = request.options.get_string("comments") == "notes";
    ZipLimits limits;
    limits.max_entry_size = static_cast<std::uint64_t>(request.options.get_int("max-part-size")) << 20;

    Package package(file, limits);
    const WordDocument doc = read_word_document(package, {reject});

    const MediaPlace place = media_place(request);
    Media media(place.folder, place.prefix);
    pugi::xml_node article = model::new_article(out);
    map_to_model(doc, article, media, {comments_as_notes}, diagnostics, file);

    for (const auto& [font, count] : doc.losses.unmapped_symbols)
        diagnostics.warn({file, 0, 0}, "docx-symbol",
                         std::to_string(count) + (count == 1 ? " character" : " characters") + " of the font '" + font +
                             "' with no Unicode equivalent kept as private-use characters (U+F0xx), which show as "
                             "that font's pictures only where it is installed");
    for (const auto& [kind, count] : doc.losses.skipped)
        diagnostics.warn({file, 0, 0}, "docx-skip",
                         std::to_string(count) + " " + kind + (count == 1 ? " element" : " elements") + " skipped");
    if (const auto& linked = doc.losses.linked_images; !linked.empty()) {
        std::string names;
        for (const auto& target : linked) names += (names.empty() ? "'" : ", '") + target + "'";
        diagnostics.warn({file, 0, 0}, "docx-linked-image",
                         std::to_string(linked.size()) + (linked.size() == 1 ? " picture" : " pictures") +
                             " linked to a file rather than embedded (Word's Link to File) skipped, never read: " + names);
    }
    media.extract(package, diagnostics);
}

}  // namespace

Importer importer()
{
    // .doc too: a Word 97-2003 file is told apart and refused with docx-old-format.
    return {.name = "docx",
            .extensions = {".docx", ".doc"},
            .description = "Word documents (Office Open XML), read natively",
            .options = docx_options,
            .read = read_docx,
            .base = [](const ImportRequest& request) { return media_place(request).base; }};
}

}  // namespace mimeo::docx
