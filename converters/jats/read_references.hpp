// A JATS ref-list as the model's references: each citation as written (a mixed-citation's
// text with its own punctuation, an element-citation's parts put into a sentence), and its
// parts when they are tagged. Cross-references are resolved once the whole article is read.
#pragma once

#include <pugixml.hpp>

#include "jats/read_body.hpp"

namespace mimeo::jats {

// Appends the references of `ref_list` to the model article's <references>.
void read_references(pugi::xml_node ref_list, BodyReader& reader);

// Every <xref> of the model article whose target the model does not hold becomes its content,
// with one warning counting them by kind; and <references> moves to the article's end.
void settle_references(BodyReader& reader);

}  // namespace mimeo::jats
