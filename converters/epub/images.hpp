// The images an EPUB embeds: local files only, read once each, typed by their
// bytes and packaged under images/.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/diagnostics.hpp"
#include "common/media_type.hpp"
#include "epub/book.hpp"

namespace mimeo::epub {

class ImagePacker {
public:
    ImagePacker(Book& book, const Settings& settings, Diagnostics& diagnostics)
        : book_(book), settings_(settings), diagnostics_(diagnostics) {}

    // The packaged href of `src` (relative to the package document), adding the file on first use.
    // A missing, unreadable, remote or unknown image throws mimeo::Error naming the article and the
    // image, or with missing-images: warn gives a warning and nullopt.
    std::optional<std::string> pack(std::string_view src, pugi::xml_node article);

    // Packs every <image> of the article, and takes out those left out (a figure whose
    // image is gone keeps its caption as a paragraph).
    void pack_article(pugi::xml_node article);

    // The cover image, which must exist: a missing cover is always an error.
    std::string pack_cover(const std::filesystem::path& path);
    // A cover image made here (cover_art.hpp), as a PNG's bytes.
    std::string pack_cover_png(std::string bytes);

private:
    std::string add(const std::filesystem::path& file, std::string bytes, std::string_view source, pugi::xml_node article);
    std::string add_cover(std::string bytes, const Sniffed& type);

    Book& book_;
    const Settings& settings_;
    Diagnostics& diagnostics_;
    std::map<std::string, std::string> href_by_file_;  // canonical path -> packaged href
    std::map<std::string, int> names_used_;
};

}  // namespace mimeo::epub
