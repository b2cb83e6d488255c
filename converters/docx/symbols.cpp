#include "docx/symbols.hpp"

#include <cctype>
#include <unordered_map>

#include "docx/dingbat_tables.hpp"

namespace mimeo::docx {
namespace {

using Table = std::unordered_map<unsigned, char32_t>;

// The npm tables, settled once: a private-use value (Symbol's Apple logo) is no equivalent
// and leaves the table; and where the npm data departs from Adobe's own mapping of Symbol
// (the Unicode Consortium's VENDORS/ADOBE/symbol.txt), Adobe's is the font's published chart.
const std::map<std::string, Table>& tables()
{
    static const std::map<std::string, Table> settled = [] {
        std::map<std::string, Table> out = dingbat_tables();
        for (auto& [font, table] : out)
            std::erase_if(table, [](const auto& entry) { return entry.second >= 0xE000 && entry.second <= 0xF8FF; });
        Table& symbol = out.at("SYMBOL");
        symbol[0x27] = U'∋';  // SUCH THAT (npm: small contains as member)
        symbol[0x2A] = U'∗';  // ASTERISK OPERATOR (npm: asterisk)
        symbol[0x7E] = U'∼';  // TILDE OPERATOR (npm: tilde)
        return out;
    }();
    return settled;
}

const Table* table_of(const std::string& font)
{
    std::string name;
    for (char c : font) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto found = tables().find(name);
    return found == tables().end() ? nullptr : &found->second;
}

// `code` (0x00-0xFF) as the font shows it: its table's character, or else U+F0xx, counted.
std::string in_font(const Table& table, const std::string& font, unsigned code, std::map<std::string, int>& unmapped)
{
    if (auto found = table.find(code); found != table.end()) return utf8(found->second);
    ++unmapped[font];
    return utf8(0xF000 + code);
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
    const Table* table = table_of(font);
    if (!table) return text;
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        // U+F000-U+F0FF is EF 80 80 - EF 83 BF in UTF-8.
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        if (i + 2 < text.size() && byte(i) == 0xEF && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x83) {
            out += in_font(*table, font, ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F), unmapped);
            i += 3;
        } else if (byte(i) >= 0x20 && byte(i) < 0x7F) {
            // Letters typed in the font show its pictures too: "a" in Symbol is α.
            out += in_font(*table, font, byte(i++), unmapped);
        } else {
            out += text[i++];
        }
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
        if (value <= 0xFF) return in_font(*table, font, value, unmapped);
    }
    // Any other font's w:sym names a Unicode character.
    if (value < 0x20 || (value >= 0x7F && value < 0xA0) || (value >= 0xD800 && value < 0xE000) || value > 0x10FFFF)
        return "";
    return utf8(value);
}

}  // namespace mimeo::docx
