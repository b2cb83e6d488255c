// Line wrapping at a display width, at the break opportunities of Unicode's line
// breaking algorithm (UAX #14, through ICU), so that Japanese breaks between
// characters and English at spaces and after hyphens. URLs are never broken.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mimeo::text {

// How a wrapped line ends; format=flowed needs to know which breaks are soft.
enum class LineEnd {
    hard,        // end of paragraph, or a forced break ('\n' in the input)
    soft_space,  // wrapped at a space, which the break consumed
    soft_join,   // wrapped between two characters with no space (CJK, after a hyphen)
};

struct WrappedLine {
    std::string text;  // no trailing spaces
    LineEnd end = LineEnd::hard;
};

// Wraps `text` (single spaces, '\n' for forced breaks) into lines of at most `width`
// columns. A word wider than `width` gets a line of its own and is not cut.
std::vector<WrappedLine> wrap(std::string_view text, int width);

}  // namespace mimeo::text
