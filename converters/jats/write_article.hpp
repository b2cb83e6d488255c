// One canonical article as a JATS 1.3 Archiving document: DOCTYPE, <front>, <body>, <back>.
#pragma once

#include <pugixml.hpp>

#include <string>

#include "jats/write_body.hpp"

namespace mimeo::jats {

// `article_type` is used when the article's meta names no <type>.
std::string write_article(pugi::xml_node issue, pugi::xml_node article, const std::string& article_type,
                          BodyWriter& writer);

}  // namespace mimeo::jats
