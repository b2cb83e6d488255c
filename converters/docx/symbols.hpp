// Symbol fonts: Word documents pick characters from Symbol, Wingdings, Wingdings 2,
// Wingdings 3 and Webdings by code (w:sym, or text in the font), and the code means a
// picture of that font, not the letter of the same number. Each font has its own table
// (docx/dingbat_tables.hpp).
// A code its table lacks is kept as the private-use character U+F0xx (which shows the
// font's picture where the font is installed) and counted, never read as a Latin letter.
#pragma once

#include <map>
#include <string>

namespace mimeo::docx {

// The Unicode text of `code` (hex, as in w:char) in `font`. An unmapped code of a symbol
// font gives U+F0xx and counts in `unmapped[font]`; "" when the code cannot be read.
std::string symbol_text(const std::string& font, const std::string& code, std::map<std::string, int>& unmapped);

// Text typed in a symbol font: its ASCII and private-use characters (F000-F0FF) read as `font` shows them.
std::string symbol_font_text(const std::string& font, const std::string& text, std::map<std::string, int>& unmapped);

// Whether `font` is one of the symbol fonts with a table here.
bool is_symbol_font(const std::string& font);

// UTF-8 of one code point.
std::string utf8(char32_t code_point);

}  // namespace mimeo::docx
