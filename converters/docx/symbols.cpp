#include "docx/symbols.hpp"

#include <cctype>
#include <cstdio>
#include <unordered_map>

namespace mimeo::docx {
namespace {

// The Symbol font's letters and signs that differ from ASCII (its code points 0x20-0xFF).
const std::unordered_map<unsigned, char32_t>& symbol_font()
{
    static const std::unordered_map<unsigned, char32_t> map = {
        {0x22, U'∀'}, {0x24, U'∃'}, {0x27, U'∋'}, {0x2A, U'∗'}, {0x2D, U'−'}, {0x40, U'≅'},
        {0x41, U'Α'}, {0x42, U'Β'}, {0x43, U'Χ'}, {0x44, U'Δ'}, {0x45, U'Ε'}, {0x46, U'Φ'}, {0x47, U'Γ'},
        {0x48, U'Η'}, {0x49, U'Ι'}, {0x4A, U'ϑ'}, {0x4B, U'Κ'}, {0x4C, U'Λ'}, {0x4D, U'Μ'}, {0x4E, U'Ν'},
        {0x4F, U'Ο'}, {0x50, U'Π'}, {0x51, U'Θ'}, {0x52, U'Ρ'}, {0x53, U'Σ'}, {0x54, U'Τ'}, {0x55, U'Υ'},
        {0x56, U'ς'}, {0x57, U'Ω'}, {0x58, U'Ξ'}, {0x59, U'Ψ'}, {0x5A, U'Ζ'}, {0x5C, U'∴'}, {0x5E, U'⊥'},
        {0x61, U'α'}, {0x62, U'β'}, {0x63, U'χ'}, {0x64, U'δ'}, {0x65, U'ε'}, {0x66, U'φ'}, {0x67, U'γ'},
        {0x68, U'η'}, {0x69, U'ι'}, {0x6A, U'ϕ'}, {0x6B, U'κ'}, {0x6C, U'λ'}, {0x6D, U'μ'}, {0x6E, U'ν'},
        {0x6F, U'ο'}, {0x70, U'π'}, {0x71, U'θ'}, {0x72, U'ρ'}, {0x73, U'σ'}, {0x74, U'τ'}, {0x75, U'υ'},
        {0x76, U'ϖ'}, {0x77, U'ω'}, {0x78, U'ξ'}, {0x79, U'ψ'}, {0x7A, U'ζ'}, {0x7E, U'∼'},
        {0xA1, U'ϒ'}, {0xA2, U'′'}, {0xA3, U'≤'}, {0xA4, U'⁄'}, {0xA5, U'∞'}, {0xA6, U'ƒ'}, {0xA7, U'♣'},
        {0xA8, U'♦'}, {0xA9, U'♥'}, {0xAA, U'♠'}, {0xAB, U'↔'}, {0xAC, U'←'}, {0xAD, U'↑'}, {0xAE, U'→'},
        {0xAF, U'↓'}, {0xB0, U'°'}, {0xB1, U'±'}, {0xB2, U'″'}, {0xB3, U'≥'}, {0xB4, U'×'}, {0xB5, U'∝'},
        {0xB6, U'∂'}, {0xB7, U'•'}, {0xB8, U'÷'}, {0xB9, U'≠'}, {0xBA, U'≡'}, {0xBB, U'≈'}, {0xBC, U'…'},
        {0xC0, U'ℵ'}, {0xC1, U'ℑ'}, {0xC2, U'ℜ'}, {0xC3, U'℘'}, {0xC4, U'⊗'}, {0xC5, U'⊕'}, {0xC6, U'∅'},
        {0xC7, U'∩'}, {0xC8, U'∪'}, {0xC9, U'⊃'}, {0xCA, U'⊇'}, {0xCB, U'⊄'}, {0xCC, U'⊂'}, {0xCD, U'⊆'},
        {0xCE, U'∈'}, {0xCF, U'∉'}, {0xD0, U'∠'}, {0xD1, U'∇'}, {0xD2, U'®'}, {0xD3, U'©'}, {0xD4, U'™'},
        {0xD5, U'∏'}, {0xD6, U'√'}, {0xD7, U'⋅'}, {0xD8, U'¬'}, {0xD9, U'∧'}, {0xDA, U'∨'}, {0xDB, U'⇔'},
        {0xDC, U'⇐'}, {0xDD, U'⇑'}, {0xDE, U'⇒'}, {0xDF, U'⇓'}, {0xE0, U'◊'}, {0xE1, U'〈'}, {0xE5, U'∑'},
        {0xF1, U'〉'}, {0xF2, U'∫'},
    };
    return map;
}

// The Wingdings signs that turn up in ordinary writing: bullets, checks, arrows.
const std::unordered_map<unsigned, char32_t>& wingdings()
{
    static const std::unordered_map<unsigned, char32_t> map = {
        {0x6C, U'●'}, {0x6E, U'■'}, {0x71, U'❑'}, {0x75, U'◆'}, {0x76, U'❖'}, {0x9F, U'•'}, {0xA7, U'▪'},
        {0xA8, U'◻'}, {0xD8, U'➢'}, {0xE0, U'→'}, {0xE8, U'➔'}, {0xF0, U'⇨'}, {0xFB, U'✗'}, {0xFC, U'✓'},
        {0xFD, U'☒'}, {0xFE, U'☑'}, {0x4A, U'☺'}, {0x4C, U'☹'},
    };
    return map;
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

bool is_symbol_font(const std::string& font)
{
    std::string name;
    for (char c : font) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name == "symbol" || name.rfind("wingdings", 0) == 0;
}

std::string symbol_font_text(const std::string& font, const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        // U+F000-U+F0FF is EF 80 80 - EF 83 BF in UTF-8.
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        if (i + 2 < text.size() && byte(i) == 0xEF && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x83) {
            const unsigned code = 0xF000 | ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F);
            char hex[8];
            std::snprintf(hex, sizeof hex, "%04X", code);
            std::string mapped = symbol_text(font, hex);
            out += mapped.empty() ? text.substr(i, 3) : mapped;
            i += 3;
            continue;
        }
        out += text[i++];
    }
    return out;
}

std::string symbol_text(const std::string& font, const std::string& code)
{
    if (code.empty() || code.size() > 6) return "";
    for (char c : code)
        if (!std::isxdigit(static_cast<unsigned char>(c))) return "";
    unsigned value = static_cast<unsigned>(std::stoul(code, nullptr, 16));
    // Symbol fonts are addressed through the private use area F000-F0FF.
    if (value >= 0xF000 && value <= 0xF0FF) value -= 0xF000;
    std::string name;
    for (char c : font) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::unordered_map<unsigned, char32_t>* table = nullptr;
    if (name == "symbol") table = &symbol_font();
    else if (name.rfind("wingdings", 0) == 0) table = &wingdings();
    if (table) {
        auto found = table->find(value);
        if (found != table->end()) return utf8(found->second);
        if (name != "symbol") return "";
    }
    if (value < 0x20 || (value >= 0x7F && value < 0xA0) || (value >= 0xD800 && value < 0xE000) || value > 0x10FFFF)
        return "";
    return utf8(value);
}

}  // namespace mimeo::docx
