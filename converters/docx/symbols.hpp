// w:sym: a character picked from a symbol font by code ("Symbol", F061 -> α).
#pragma once

#include <string>

namespace mimeo::docx {

// The Unicode text of `code` (hex, as in w:char) in `font`; "" when it cannot be read.
std::string symbol_text(const std::string& font, const std::string& code);

// Text typed in a symbol font: its private-use characters (F000-F0FF) read as `font` shows them.
std::string symbol_font_text(const std::string& font, const std::string& text);

// Whether `font` maps characters to pictures of its own (Symbol, Wingdings ...).
bool is_symbol_font(const std::string& font);

// UTF-8 of one code point.
std::string utf8(char32_t code_point);

}  // namespace mimeo::docx
