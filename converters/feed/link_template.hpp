// The `link` and `guid` options: text with ${...} variables naming the article's,
// the issue's and the publication's fields, as in "${publication.url}${article.slug}/".
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "common/diagnostics.hpp"

namespace mimeo::feed {

// Every variable a template may use, for messages and the docs.
inline constexpr const char* template_variables =
    "publication.url, issue.number, issue.volume, issue.date, article.slug, article.date, article.year, article.url";

// Throws mimeo::Error(feed-template) at `where` for an unknown variable or one the article leaves empty.
std::string expand_template(std::string_view text, pugi::xml_node issue, pugi::xml_node article, const Location& where);

}  // namespace mimeo::feed
