// Smart punctuation, one way for every place that does it (the Markdown importer's `smart`
// option and the smart-typography transform): straight quotes become curly, -- and --- en
// and em dashes, ... an ellipsis. Code, math and raw content are left as typed, and a quote
// is opened or closed by what stands before it, across inline markup.
#pragma once

#include <pugixml.hpp>

namespace mimeo::model {

// The text under `element` (a <body>, <notes>, <title>, ...), which starts afresh.
void smarten(pugi::xml_node element);

// The article's text: its title, subtitle, summary, source title, body and notes, so that an
// import and a pipeline's transform give the same titles.
void smarten_article(pugi::xml_node article);

}  // namespace mimeo::model
