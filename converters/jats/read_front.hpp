// JATS <article-meta> (and the root's attributes) mapped to the model's <meta>.
// Issue-level data (journal-meta, volume, issue) has no place in an article and is left out.
#pragma once

#include <pugixml.hpp>

#include "jats/read_body.hpp"

namespace mimeo::jats {

void read_front(pugi::xml_node jats_article, pugi::xml_node article, BodyReader& reader);

}  // namespace mimeo::jats
