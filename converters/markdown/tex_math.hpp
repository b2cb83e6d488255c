// TeX math between dollars, as pandoc's Markdown writes it (its tex_math_dollars extension):
// `$x^2$` inline, `$$\int x\,dx$$` displayed. GFM has no math, and cmark would read the TeX's
// backslashes and underscores as Markdown; so, when asked (`-I math=true`), the spans are taken
// out of the source before cmark parses it, held by placeholders, and put into the model as
// <math> once it is built.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mimeo::markdown {

// Where the math span opening with the `$` at `at` of `line` ends (after its closing `$` or
// `$$`), or 0 when none opens there. pandoc's rule: the opening `$` has a non-space after it,
// the closing one a non-space before it and no digit after it, so "$20 and $30" is no math.
// A `$$` whose close is not on the line gives 0 too, with `display` set.
std::size_t math_span_end(std::string_view line, std::size_t at, bool& display);

struct MathSpan {
    std::string tex;     // without its dollars
    std::string source;  // as written, dollars and all
    bool display = false;
};

// Replaces each math span outside code in `body` with a placeholder; a displayed span over
// several lines keeps its lines, so later locations hold.
std::vector<MathSpan> protect_math(std::string& body);

// The placeholders in `root`'s text become <math> elements, and in code their source again.
void restore_math(pugi::xml_node root, const std::vector<MathSpan>& spans);

}  // namespace mimeo::markdown
