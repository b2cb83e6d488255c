// Display width of text in a monospaced mail reader: what wrapping, underlines,
// centering and table columns measure with.
#pragma once

#include <unicode/umachine.h>

#include <string_view>

namespace mimeo::text {

// Columns one code point takes: 2 for East Asian Wide and Fullwidth (UAX #11),
// 0 for combining marks, format characters and controls, 1 otherwise.
int code_point_width(UChar32 c);

// The sum over the code points of a UTF-8 string (bytes that are not UTF-8 count 1).
int display_width(std::string_view utf8);

}  // namespace mimeo::text
