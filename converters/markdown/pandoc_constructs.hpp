// pandoc's Markdown beyond GFM, met by the native reader, which does not read it: definition
// lists, fenced divs, attributes, ^superscript^, ~subscript~, inline notes ^[…], grid and simple
// tables, line blocks, example lists, a % title block, and $math$ (unless -I math=true reads it).
// Each kind found outside code is named in one pandoc-markdown warning, with its count, its first
// line and column, what GFM made of it, and the hint to read it with pandoc. (Citations are read:
// model/references.hpp's link_citations.)
#pragma once

#include <string>
#include <string_view>

#include "common/diagnostics.hpp"

namespace mimeo::markdown {

struct ConstructScan {
    bool file_start = false;   // the body is the file's first line (no front matter): a % title block may open it
    bool math_read = false;    // -I math=true: dollars are math, not a construct to name
    bool single_tilde = true;  // GFM's ~one tilde~ strikethrough is on
};

// `body` starts at line `first_line` of `file`.
void name_pandoc_constructs(std::string_view body, int first_line, const ConstructScan& scan, const std::string& file,
                            Diagnostics& diagnostics);

}  // namespace mimeo::markdown
