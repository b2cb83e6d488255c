// A Markdown file without front matter names itself in its first line, "# The title", as
// most READMEs and pandoc's and many Hugo posts do; that heading is the article's title.
#pragma once

#include <pugixml.hpp>

#include <string>

#include "common/diagnostics.hpp"

namespace mimeo::markdown {

// When `article` has no title and its body opens with the one level-1 section it has, that
// section's heading becomes the title and its content the body's, with a title-from-heading
// warning at `line` (the heading's) of `file`.
void title_from_heading(pugi::xml_node article, const std::string& file, int line, Diagnostics& diagnostics);

}  // namespace mimeo::markdown
