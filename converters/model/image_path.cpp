#include "model/image_path.hpp"

#include <string>

#include "common/diagnostics.hpp"
#include "model/model.hpp"

namespace mimeo::model {
namespace fs = std::filesystem;
namespace {

// Markdown percent-encodes the paths it reads ("my%20chart.png"); the file has the plain name.
std::string percent_decode(std::string_view text)
{
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
            out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

fs::path canonical_path(const fs::path& path)
{
    std::error_code ec;
    fs::path result = fs::weakly_canonical(path, ec);
    return ec ? path.lexically_normal() : result;
}

bool inside(const fs::path& file, const fs::path& folder)
{
    auto f = file.begin();
    for (auto d = folder.begin(); d != folder.end(); ++d, ++f) {
        if (d->empty()) continue;  // a trailing separator
        if (f == file.end() || *f != *d) return false;
    }
    return f != file.end();
}

}  // namespace

fs::path resolve_image(std::string_view src, pugi::xml_node article, bool allow_outside)
{
    const fs::path base = canonical_path(fs::absolute(fs::path(article.attribute("base").value())));
    fs::path file = percent_decode(src);
    const fs::path resolved = canonical_path(file.is_relative() ? base / file : file);
    if (!allow_outside && !inside(resolved, base))
        throw Error({resolved.string(), 0, 0}, "image-outside",
                    "article '" + slug(article) + "': image '" + std::string(src) + "' is outside the article's folder (" +
                        base.string() + "); move it there, or allow it with the exporter option outside-images: true");
    return resolved;
}

}  // namespace mimeo::model
