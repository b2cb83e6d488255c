#include "epub/font_face.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>

namespace mimeo::epub {
namespace {

std::uint16_t u16(std::string_view b, std::size_t at)
{
    return static_cast<std::uint16_t>((static_cast<unsigned char>(b[at]) << 8) | static_cast<unsigned char>(b[at + 1]));
}

std::uint32_t u32(std::string_view b, std::size_t at) { return (std::uint32_t(u16(b, at)) << 16) | u16(b, at + 2); }

// The bytes of the table `tag`, when the font has it whole.
std::optional<std::string_view> table(std::string_view font, std::string_view tag)
{
    if (font.size() < 12) return std::nullopt;
    const std::uint16_t tables = u16(font, 4);
    for (std::size_t i = 0; i < tables && 12 + i * 16 + 16 <= font.size(); ++i) {
        const std::size_t record = 12 + i * 16;
        if (font.substr(record, 4) != tag) continue;
        const std::uint32_t offset = u32(font, record + 8), length = u32(font, record + 12);
        if (offset > font.size() || length > font.size() - offset) return std::nullopt;
        return font.substr(offset, length);
    }
    return std::nullopt;
}

// The Windows (UTF-16BE) name `id` of the 'name' table, as UTF-8.
std::string name_of(std::string_view names, std::uint16_t id)
{
    if (names.size() < 6) return "";
    const std::uint16_t count = u16(names, 2), strings = u16(names, 4);
    for (std::size_t i = 0; i < count && 6 + i * 12 + 12 <= names.size(); ++i) {
        const std::size_t record = 6 + i * 12;
        if (u16(names, record) != 3 || u16(names, record + 6) != id) continue;
        const std::size_t length = u16(names, record + 8), offset = strings + u16(names, record + 10);
        if (offset + length > names.size()) continue;
        icu::UnicodeString text;
        for (std::size_t at = offset; at + 1 < offset + length; at += 2) text.append(static_cast<char16_t>(u16(names, at)));
        std::string out;
        text.toUTF8String(out);
        return out;
    }
    return "";
}

bool contains(std::string_view text, std::string_view word)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return lower.find(word) != std::string::npos;
}

}  // namespace

FontFace read_font_face(std::string_view bytes, std::string_view file_name)
{
    FontFace face;
    const bool sfnt = bytes.substr(0, 4) == std::string_view("\0\1\0\0", 4) || bytes.substr(0, 4) == "OTTO" ||
                      bytes.substr(0, 4) == "true";
    if (sfnt) {
        if (auto names = table(bytes, "name")) {
            face.family = name_of(*names, 16);  // the typographic family, else the family
            if (face.family.empty()) face.family = name_of(*names, 1);
        }
        if (auto os2 = table(bytes, "OS/2"); os2 && os2->size() >= 64) {
            face.weight = std::clamp<int>(u16(*os2, 4), 1, 1000);
            if (u16(*os2, 62) & 1) face.style = "italic";  // fsSelection bit 0: ITALIC
            return face;
        }
    }
    // A compressed font, or one without OS/2: its file name says it.
    if (contains(file_name, "italic") || contains(file_name, "oblique")) face.style = "italic";
    if (contains(file_name, "bold")) face.weight = 700;
    else if (contains(file_name, "light")) face.weight = 300;
    return face;
}

}  // namespace mimeo::epub
