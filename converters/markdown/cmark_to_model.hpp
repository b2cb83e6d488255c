// Maps cmark-gfm's syntax tree to the canonical model.
#pragma once

#include <cmark-gfm.h>
#include <pugixml.hpp>

namespace mimeo::markdown {

struct BuildOptions {
    // Heading ids, implicit figures, quote attributions and footnotes: mimeo's Markdown.
    // Off for strict CommonMark, whose HTML has none of them.
    bool extensions = true;
};

// Fills the <body> (and <notes>) of `article` from a parsed document.
void build_model(cmark_node* document, pugi::xml_node article, const BuildOptions& options);

}  // namespace mimeo::markdown
