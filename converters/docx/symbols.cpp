#include "docx/symbols.hpp"

#include <cctype>
#include <cstdio>
#include <unordered_map>

#include "docx/dingbat_tables.hpp"

namespace mimeo::docx {
namespace {

using Table = std::unordered_map<unsigned, char32_t>;

// Where the npm data departs from Adobe's own mapping of Symbol (the Unicode Consortium's
// VENDORS/ADOBE/symbol.txt), Adobe's is the font's published chart.
char32_t adobe_symbol(unsigned code, char32_t npm)
{
    switch (code) {
    case 0x27: return U'∋';  // SUCH THAT (npm: small contains as member)
    case 0x2A: return U'∗';  // ASTERISK OPERATOR (npm: asterisk)
    case 0x7E: return U'∼';  // TILDE OPERATOR (npm: tilde)
    default: return npm;
    }
}

const Table* table_of(const std::string& font)
{
    std::string name;
    for (char c : font) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto& tables = dingbat_tables();
    auto found = tables.find(name);
    return found == tables.end() ? nullptr : &found->second;
}

}  // namespace

std::string utf8(char32_t c)
{
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

bool is_symbol_font(const std::string& font) { return table_of(font) != nullptr; }

std::string symbol_font_text(const std::string& font, const std::string& text, std::map<std::string, int>& unmapped)
{
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        // U+F000-U+F0FF is EF 80 80 - EF 83 BF in UTF-8.
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        if (i + 2 < text.size() && byte(i) == 0xEF && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x83) {
            const unsigned code = 0xF000 | ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F);
            char hex[8];
            std::snprintf(hex, sizeof hex, "%04X", code);
            out += symbol_text(font, hex, unmapped);
            i += 3;
            continue;
        }
        // Letters typed in the font show its pictures too: "a" in Symbol is α.
        if (byte(i) >= 0x20 && byte(i) < 0x7F) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "%02X", byte(i));
            out += symbol_text(font, hex, unmapped);
            ++i;
            continue;
        }
        out += text[i++];
    }
    return out;
}

std::string symbol_text(const std::string& font, const std::string& code, std::map<std::string, int>& unmapped)
{
    if (code.empty() || code.size() > 6) return "";
    for (char c : code)
        if (!std::isxdigit(static_cast<unsigned char>(c))) return "";
    unsigned value = static_cast<unsigned>(std::stoul(code, nullptr, 16));
    if (const Table* table = table_of(font)) {
        // Symbol fonts are addressed through the private use area F000-F0FF, or by the byte.
        if (value >= 0xF000 && value <= 0xF0FF) value -= 0xF000;
        if (value <= 0xFF) {
            // A table's own private-use value (Symbol's Apple logo) is no equivalent either.
            if (auto found = table->find(value); found != table->end() && (found->second < 0xE000 || found->second > 0xF8FF))
                return utf8(table == table_of("Symbol") ? adobe_symbol(value, found->second) : found->second);
            ++unmapped[font];
            return utf8(0xF000 + value);
        }
    }
    // Any other font's w:sym names a Unicode character.
    if (value < 0x20 || (value >= 0x7F && value < 0xA0) || (value >= 0xD800 && value < 0xE000) || value > 0x10FFFF)
        return "";
    return utf8(value);
}

}  // namespace mimeo::docx
