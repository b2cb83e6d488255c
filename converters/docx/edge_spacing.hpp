// Word's spacing at the edges of a paragraph is layout, not text: stage one takes it off, so
// that the mapping never sees it.
#pragma once

#include <vector>

#include "docx/document.hpp"

namespace mimeo::docx {

// Strips spaces, tabs and line ends from the start and the end of a paragraph's text, looking
// into links; pieces left empty go, unless one is all there is. Inline code, a note reference,
// a picture, a bookmark or a line break at an edge keeps the spacing beside it.
void trim_edges(std::vector<Inline>& inlines);

}  // namespace mimeo::docx
