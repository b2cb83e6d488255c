#include "docx/symbols.hpp"

#include <cctype>
#include <cstdio>
#include <unordered_map>
#include <map>

namespace mimeo::docx {
namespace {

using Table = std::unordered_map<unsigned, char32_t>;

// Symbol, as Adobe's mapping of its encoding to Unicode gives it (the Unicode Consortium's
// VENDORS/ADOBE/symbol.txt), with the pieces Adobe put in its corporate use area given
// their standard code points (U+239B-U+23AD), and the euro sign Windows added at A0.
// 0x60 (radical extender), 0xF0 (the Apple logo) and 0x7F-0x9F have no character.
const Table& symbol_font()
{
    static const Table map = {
        {0x20, U' '},  {0x21, U'!'},  {0x22, U'∀'}, {0x23, U'#'},  {0x24, U'∃'}, {0x25, U'%'},  {0x26, U'&'},
        {0x27, U'∋'}, {0x28, U'('},  {0x29, U')'},  {0x2A, U'∗'}, {0x2B, U'+'},  {0x2C, U','},  {0x2D, U'−'},
        {0x2E, U'.'},  {0x2F, U'/'},  {0x30, U'0'},  {0x31, U'1'},  {0x32, U'2'},  {0x33, U'3'},  {0x34, U'4'},
        {0x35, U'5'},  {0x36, U'6'},  {0x37, U'7'},  {0x38, U'8'},  {0x39, U'9'},  {0x3A, U':'},  {0x3B, U';'},
        {0x3C, U'<'},  {0x3D, U'='},  {0x3E, U'>'},  {0x3F, U'?'},  {0x40, U'≅'}, {0x41, U'Α'}, {0x42, U'Β'},
        {0x43, U'Χ'}, {0x44, U'Δ'}, {0x45, U'Ε'}, {0x46, U'Φ'}, {0x47, U'Γ'}, {0x48, U'Η'}, {0x49, U'Ι'},
        {0x4A, U'ϑ'}, {0x4B, U'Κ'}, {0x4C, U'Λ'}, {0x4D, U'Μ'}, {0x4E, U'Ν'}, {0x4F, U'Ο'}, {0x50, U'Π'},
        {0x51, U'Θ'}, {0x52, U'Ρ'}, {0x53, U'Σ'}, {0x54, U'Τ'}, {0x55, U'Υ'}, {0x56, U'ς'}, {0x57, U'Ω'},
        {0x58, U'Ξ'}, {0x59, U'Ψ'}, {0x5A, U'Ζ'}, {0x5B, U'['},  {0x5C, U'∴'}, {0x5D, U']'},  {0x5E, U'⊥'},
        {0x5F, U'_'},  {0x61, U'α'}, {0x62, U'β'}, {0x63, U'χ'}, {0x64, U'δ'}, {0x65, U'ε'}, {0x66, U'φ'},
        {0x67, U'γ'}, {0x68, U'η'}, {0x69, U'ι'}, {0x6A, U'ϕ'}, {0x6B, U'κ'}, {0x6C, U'λ'}, {0x6D, U'μ'},
        {0x6E, U'ν'}, {0x6F, U'ο'}, {0x70, U'π'}, {0x71, U'θ'}, {0x72, U'ρ'}, {0x73, U'σ'}, {0x74, U'τ'},
        {0x75, U'υ'}, {0x76, U'ϖ'}, {0x77, U'ω'}, {0x78, U'ξ'}, {0x79, U'ψ'}, {0x7A, U'ζ'}, {0x7B, U'{'},
        {0x7C, U'|'},  {0x7D, U'}'},  {0x7E, U'∼'}, {0xA0, U'€'}, {0xA1, U'ϒ'}, {0xA2, U'′'}, {0xA3, U'≤'},
        {0xA4, U'⁄'}, {0xA5, U'∞'}, {0xA6, U'ƒ'},  {0xA7, U'♣'}, {0xA8, U'♦'}, {0xA9, U'♥'}, {0xAA, U'♠'},
        {0xAB, U'↔'}, {0xAC, U'←'}, {0xAD, U'↑'}, {0xAE, U'→'}, {0xAF, U'↓'}, {0xB0, U'°'},  {0xB1, U'±'},
        {0xB2, U'″'}, {0xB3, U'≥'}, {0xB4, U'×'},  {0xB5, U'∝'}, {0xB6, U'∂'}, {0xB7, U'•'}, {0xB8, U'÷'},
        {0xB9, U'≠'}, {0xBA, U'≡'}, {0xBB, U'≈'}, {0xBC, U'…'}, {0xBD, U'⏐'}, {0xBE, U'⎯'}, {0xBF, U'↵'},
        {0xC0, U'ℵ'}, {0xC1, U'ℑ'}, {0xC2, U'ℜ'}, {0xC3, U'℘'}, {0xC4, U'⊗'}, {0xC5, U'⊕'}, {0xC6, U'∅'},
        {0xC7, U'∩'}, {0xC8, U'∪'}, {0xC9, U'⊃'}, {0xCA, U'⊇'}, {0xCB, U'⊄'}, {0xCC, U'⊂'}, {0xCD, U'⊆'},
        {0xCE, U'∈'}, {0xCF, U'∉'}, {0xD0, U'∠'}, {0xD1, U'∇'}, {0xD2, U'®'},  {0xD3, U'©'},  {0xD4, U'™'},
        {0xD5, U'∏'}, {0xD6, U'√'}, {0xD7, U'⋅'}, {0xD8, U'¬'},  {0xD9, U'∧'}, {0xDA, U'∨'}, {0xDB, U'⇔'},
        {0xDC, U'⇐'}, {0xDD, U'⇑'}, {0xDE, U'⇒'}, {0xDF, U'⇓'}, {0xE0, U'◊'}, {0xE1, U'〈'}, {0xE2, U'®'},
        {0xE3, U'©'},  {0xE4, U'™'}, {0xE5, U'∑'}, {0xE6, U'⎛'}, {0xE7, U'⎜'}, {0xE8, U'⎝'}, {0xE9, U'⎡'},
        {0xEA, U'⎢'}, {0xEB, U'⎣'}, {0xEC, U'⎧'}, {0xED, U'⎨'}, {0xEE, U'⎩'}, {0xEF, U'⎪'}, {0xF1, U'〉'},
        {0xF2, U'∫'}, {0xF3, U'⌠'}, {0xF4, U'⎮'}, {0xF5, U'⌡'}, {0xF6, U'⎞'}, {0xF7, U'⎟'}, {0xF8, U'⎠'},
        {0xF9, U'⎤'}, {0xFA, U'⎥'}, {0xFB, U'⎦'}, {0xFC, U'⎫'}, {0xFD, U'⎬'}, {0xFE, U'⎭'},
    };
    return map;
}

// Wingdings: 0x20-0x32 as Unicode 7.0 mapped the font (UTC L2/12-368, as Wikipedia's chart
// of it gives them); the rest as the older published chart of the font's equivalents gives
// them (by its PostScript glyph names). Codes that chart has no equivalent for (the leaves,
// quilt squares, most wide-headed arrows, the Windows logo ...) are not in the table.
const Table& wingdings()
{
    static const Table map = {
        {0x20, U' '},      {0x21, U'\U0001F589'}, {0x22, U'✂'}, {0x23, U'✁'},      {0x24, U'\U0001F453'},
        {0x25, U'\U0001F56D'}, {0x26, U'\U0001F56E'}, {0x27, U'\U0001F56F'}, {0x28, U'\U0001F57F'},
        {0x29, U'✆'},      {0x2A, U'\U0001F582'}, {0x2B, U'\U0001F583'}, {0x2C, U'\U0001F4EA'},
        {0x2D, U'\U0001F4EB'}, {0x2E, U'\U0001F4EC'}, {0x2F, U'\U0001F4ED'}, {0x30, U'\U0001F5C0'},
        {0x31, U'\U0001F5C1'}, {0x32, U'\U0001F5CE'}, {0x36, U'⌛'}, {0x37, U'⌨'},
        {0x3A, U'\U0001F4BB'}, {0x3C, U'\U0001F4BE'}, {0x3E, U'✇'}, {0x3F, U'✍'},  {0x41, U'✌'},
        {0x42, U'\U0001F44C'}, {0x43, U'\U0001F44D'}, {0x44, U'\U0001F44E'}, {0x45, U'☜'}, {0x46, U'☞'},
        {0x47, U'☝'},      {0x48, U'☟'},      {0x49, U'✋'},      {0x4A, U'☺'},      {0x4B, U'\U0001F610'},
        {0x4C, U'☹'},      {0x4D, U'\U0001F4A3'}, {0x4E, U'☠'}, {0x4F, U'⚐'},       {0x50, U'\U0001F6A9'},
        {0x51, U'✈'},      {0x52, U'☼'},      {0x53, U'\U0001F4A7'}, {0x54, U'❄'}, {0x56, U'✞'},
        {0x58, U'✠'},      {0x59, U'✡'},      {0x5A, U'☪'},      {0x5B, U'☯'},      {0x5C, U'ॐ'},
        {0x5D, U'☸'},      {0x5E, U'♈'},      {0x5F, U'♉'},      {0x60, U'♊'},      {0x61, U'♋'},
        {0x62, U'♌'},      {0x63, U'♍'},      {0x64, U'♎'},      {0x65, U'♏'},      {0x66, U'♐'},
        {0x67, U'♑'},      {0x68, U'♒'},      {0x69, U'♓'},      {0x6A, U'&'},      {0x6B, U'&'},
        {0x6C, U'●'},      {0x6D, U'❍'},      {0x6E, U'■'},      {0x6F, U'□'},      {0x71, U'❑'},
        {0x72, U'❒'},      {0x73, U'⬧'},      {0x74, U'⧫'},      {0x75, U'◆'},      {0x76, U'❖'},
        {0x77, U'⬥'},      {0x78, U'⌧'},      {0x79, U'⍓'},      {0x7A, U'⌘'},      {0x7B, U'❀'},
        {0x7C, U'✿'},      {0x7D, U'❝'},      {0x7E, U'❞'},      {0x7F, U'▯'},      {0x80, U'⓪'},
        {0x81, U'①'},      {0x82, U'②'},      {0x83, U'③'},      {0x84, U'④'},      {0x85, U'⑤'},
        {0x86, U'⑥'},      {0x87, U'⑦'},      {0x88, U'⑧'},      {0x89, U'⑨'},      {0x8A, U'⑩'},
        {0x8B, U'⓿'},      {0x8C, U'❶'},      {0x8D, U'❷'},      {0x8E, U'❸'},      {0x8F, U'❹'},
        {0x90, U'❺'},      {0x91, U'❻'},      {0x92, U'❼'},      {0x93, U'❽'},      {0x94, U'❾'},
        {0x95, U'❿'},      {0x9E, U'·'},      {0x9F, U'•'},      {0xA0, U'▪'},      {0xA1, U'○'},
        {0xA2, U'⭕'},      {0xA4, U'◉'},      {0xA5, U'◎'},      {0xA7, U'▪'},      {0xA8, U'◻'},
        {0xAA, U'✦'},      {0xAB, U'★'},      {0xAC, U'✶'},      {0xAD, U'✴'},      {0xAE, U'✹'},
        {0xAF, U'✵'},      {0xB1, U'⌖'},      {0xB2, U'⟡'},      {0xB3, U'⌑'},      {0xB5, U'✪'},
        {0xB6, U'✰'},      {0xB7, U'\U0001F550'}, {0xB8, U'\U0001F551'}, {0xB9, U'\U0001F552'},
        {0xBA, U'\U0001F553'}, {0xBB, U'\U0001F554'}, {0xBC, U'\U0001F555'}, {0xBD, U'\U0001F556'},
        {0xBE, U'\U0001F557'}, {0xBF, U'\U0001F558'}, {0xC0, U'\U0001F559'}, {0xC1, U'\U0001F55A'},
        {0xC2, U'\U0001F55B'}, {0xD5, U'⌫'}, {0xD6, U'⌦'},     {0xD8, U'➢'},      {0xDC, U'➲'},
        {0xE8, U'➔'},      {0xEF, U'⇦'},      {0xF0, U'⇨'},      {0xF1, U'⇧'},      {0xF2, U'⇩'},
        {0xF3, U'⬄'},      {0xF4, U'⇳'},      {0xF5, U'⬀'},      {0xF6, U'⬁'},      {0xF7, U'⬃'},
        {0xF8, U'⬂'},      {0xF9, U'▭'},      {0xFA, U'▫'},      {0xFB, U'✗'},      {0xFC, U'✓'},
        {0xFD, U'☒'},      {0xFE, U'☑'},
    };
    return map;
}

// Wingdings 2, Wingdings 3 and Webdings: no published chart of theirs was at hand, so
// every code is counted and kept as U+F0xx rather than guessed; only the space is sure.
const Table& space_only()
{
    static const Table map = {{0x20, U' '}};
    return map;
}

std::string lower(const std::string& text)
{
    std::string out;
    for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

const Table* table_of(const std::string& font)
{
    const std::string name = lower(font);
    if (name == "symbol") return &symbol_font();
    if (name == "wingdings") return &wingdings();
    if (name == "wingdings 2" || name == "wingdings 3" || name == "webdings") return &space_only();
    return nullptr;
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
            if (auto found = table->find(value); found != table->end()) return utf8(found->second);
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
