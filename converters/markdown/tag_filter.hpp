// GFM's tagfilter (GitHub Flavored Markdown spec, section 6.11): in raw HTML, the "<" that opens
// a title, textarea, style, xmp, iframe, noembed, noframes, script or plaintext tag, or closes
// one, becomes "&lt;", so that the tag shows as text and cannot take over the page. Applied to
// cmark's tree, before the model is built, so every raw HTML policy sees the same result.
#pragma once

#include <cmark-gfm.h>

#include <string>

#include "common/diagnostics.hpp"

namespace mimeo::markdown {

// The tree's body starts at line `first_line` of `file`; one tagfilter warning counts the
// filtered tags and names the first.
void filter_raw_tags(cmark_node* root, int first_line, const std::string& file, Diagnostics& diagnostics);

}  // namespace mimeo::markdown
