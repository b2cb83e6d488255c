// The EPUB's one stylesheet: the default (or the user's replacement), with an
// @font-face rule for each embedded font, then the extra-css rules.
#pragma once

#include "common/diagnostics.hpp"
#include "epub/book.hpp"

namespace mimeo::epub {

inline constexpr const char* stylesheet_href = "style.css";

extern const char* const default_stylesheet;

// Adds style.css and the font files to the book. Each font's family is its file name
// without the extension; with the default stylesheet the first font sets the text.
// Throws mimeo::Error for an unreadable stylesheet or font, or a file that is no font.
void add_stylesheet(Book& book, const Settings& settings);

}  // namespace mimeo::epub
