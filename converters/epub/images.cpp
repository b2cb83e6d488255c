#include "epub/images.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "common/url.hpp"
#include "common/media_type.hpp"
#include "model/image_path.hpp"
#include "model/model.hpp"

namespace fs = std::filesystem;

namespace mimeo::epub {
namespace {

std::string package_stem(const fs::path& file)
{
    std::string stem = file.stem().string();
    bool plain = !stem.empty() && std::all_of(stem.begin(), stem.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    return plain ? stem : "image";
}

std::string describe(pugi::xml_node article)
{
    return "article '" + model::slug(article) + "'";
}

bool read_bytes(const fs::path& file, std::string& bytes, std::string& why)
{
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        why = "no such file";
        return false;
    }
    if (!fs::is_regular_file(file, ec)) {
        why = "not a regular file";
        return false;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        why = std::strerror(errno);
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        why = "read failed";
        return false;
    }
    bytes = buffer.str();
    return true;
}

}  // namespace

std::optional<std::string> ImagePacker::pack(std::string_view src, pugi::xml_node article)
{
    auto fail = [&](const std::string& where, const std::string& why) -> std::optional<std::string> {
        std::string message = describe(article) + ": image '" + std::string(src) + "' " + why;
        if (!settings_.missing_images_warn) throw Error({where, 0, 0}, "epub-image", message);
        diagnostics_.warn({where, 0, 0}, "epub-image", message + "; left out");
        return std::nullopt;
    };
    if (is_absolute_url(src)) return fail("", "is remote; EPUB images must be local files");
    const fs::path canonical = model::resolve_image(src, article, settings_.outside_images);
    if (auto known = href_by_file_.find(canonical.string()); known != href_by_file_.end()) return known->second;

    std::string bytes, why;
    if (!read_bytes(canonical, bytes, why)) return fail(canonical.string(), "cannot be read: " + why);
    return add(canonical, std::move(bytes), src, article);
}

std::string ImagePacker::add(const fs::path& file, std::string bytes, std::string_view src, pugi::xml_node article)
{
    Sniffed type = sniff_image(bytes);
    if (type.media_type.empty()) {
        std::string message = describe(article) + ": image '" + std::string(src) +
                              "' is not a PNG, JPEG, GIF, WebP or SVG image";
        throw Error({file.string(), 0, 0}, "epub-image", message);
    }
    std::string stem = package_stem(file);
    const int seen = ++names_used_[stem + type.extension];
    if (seen > 1) stem += "-" + std::to_string(seen);
    Item item;
    item.id = "img-" + std::to_string(href_by_file_.size() + 1);
    item.href = "images/" + stem + type.extension;
    item.media_type = type.media_type;
    item.bytes = std::move(bytes);
    href_by_file_[file.string()] = item.href;
    book_.items.push_back(std::move(item));
    book_.has_images = true;
    return book_.items.back().href;
}

void ImagePacker::pack_article(pugi::xml_node article)
{
    std::vector<pugi::xml_node> images;
    for (pugi::xpath_node found : article.select_nodes(".//image")) images.push_back(found.node());
    for (pugi::xml_node image : images) {
        if (pack(image.attribute("src").value(), article)) {
            if (std::string_view(image.attribute("alt").value()).empty()) book_.all_images_described = false;
            continue;
        }
        pugi::xml_node parent = image.parent();
        parent.remove_child(image);
        // A figure keeps its other panels; one left with none becomes its caption.
        if (std::string_view(parent.name()) != "figure" || parent.child("image")) continue;
        // The caption still says something; it stays as a paragraph, which keeps the figure's id
        // as an anchor, so that cross-references to the figure still arrive.
        pugi::xml_node caption = parent.child("caption");
        const char* id = parent.attribute("id").value();
        if (caption || *id) {
            pugi::xml_node paragraph = parent.parent().insert_child_before("p", parent);
            if (*id) paragraph.append_child("anchor").append_attribute("id") = id;
            for (pugi::xml_node child : caption.children()) paragraph.append_copy(child);
        }
        parent.parent().remove_child(parent);
    }
}

std::string ImagePacker::pack_cover(const fs::path& path)
{
    std::string bytes, why;
    if (!read_bytes(path, bytes, why))
        throw Error({path.string(), 0, 0}, "epub-cover", "the cover image cannot be read: " + why);
    Sniffed type = sniff_image(bytes);
    if (type.media_type.empty())
        throw Error({path.string(), 0, 0}, "epub-cover", "the cover is not a PNG, JPEG, GIF, WebP or SVG image");
    return add_cover(std::move(bytes), type);
}

std::string ImagePacker::pack_cover_png(std::string bytes)
{
    return add_cover(std::move(bytes), sniff_image(bytes));
}

std::string ImagePacker::add_cover(std::string bytes, const Sniffed& type)
{
    Item item;
    item.id = "cover-image";
    item.href = "images/cover" + type.extension;
    item.media_type = type.media_type;
    item.properties = "cover-image";
    item.bytes = std::move(bytes);
    names_used_["cover" + type.extension] = 1;
    book_.items.push_back(std::move(item));
    book_.has_images = true;
    return book_.items.back().href;
}

}  // namespace mimeo::epub
