// An article as plain text: the header (title underlined, subtitle, byline,
// translator, provenance), the body's blocks, the notes, and the numbered links.
#pragma once

#include <pugixml.hpp>

#include "text/inline_text.hpp"
#include "text/layout.hpp"

namespace mimeo::text {

void write_article(Layout& out, pugi::xml_node article);

// The blocks of a container (a body, a note, a list item), each after a blank line
// unless `tight` (the paragraphs of a tight list's items).
void write_blocks(Layout& out, pugi::xml_node container, References& references, bool tight = false);

}  // namespace mimeo::text
