#include "common/media_type.hpp"

namespace mimeo {
namespace {

bool starts(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

// An SVG file is XML whose root element is <svg>; comments, a declaration or a
// doctype may come first.
bool looks_like_svg(std::string_view bytes)
{
    std::string_view head = bytes.substr(0, 4096);
    std::size_t at = head.find("<svg");
    if (at == std::string_view::npos) return false;
    for (std::size_t i = 0; i < at; ++i) {
        if (head[i] != '<') continue;
        std::string_view rest = head.substr(i);
        if (!starts(rest, "<?") && !starts(rest, "<!")) return false;  // some other element comes first
    }
    return true;
}

}  // namespace

Sniffed sniff_image(std::string_view bytes)
{
    if (starts(bytes, "\x89PNG\r\n\x1a\n")) return {"image/png", ".png"};
    if (starts(bytes, "\xFF\xD8\xFF")) return {"image/jpeg", ".jpg"};
    if (starts(bytes, "GIF87a") || starts(bytes, "GIF89a")) return {"image/gif", ".gif"};
    if (starts(bytes, "RIFF") && bytes.size() >= 12 && bytes.substr(8, 4) == "WEBP") return {"image/webp", ".webp"};
    if (looks_like_svg(bytes)) return {"image/svg+xml", ".svg"};
    return {};
}

Sniffed sniff_font(std::string_view bytes)
{
    using namespace std::string_view_literals;
    if (starts(bytes, "wOF2")) return {"font/woff2", ".woff2"};
    if (starts(bytes, "wOFF")) return {"font/woff", ".woff"};
    if (starts(bytes, "OTTO")) return {"font/otf", ".otf"};
    if (starts(bytes, "\x00\x01\x00\x00"sv) || starts(bytes, "true")) return {"font/ttf", ".ttf"};
    return {};
}

bool is_compressed_media(std::string_view media_type)
{
    for (std::string_view type : {"image/png", "image/jpeg", "image/gif", "image/webp", "font/woff", "font/woff2"})
        if (media_type == type) return true;
    return false;
}

}  // namespace mimeo
