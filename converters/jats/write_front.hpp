// The <front> of a JATS article: journal-meta from the issue's publication,
// article-meta from the article's meta and the issue's number, volume and date.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <vector>

#include "jats/write_body.hpp"

namespace mimeo::jats {

// Appends <front> to `jats_article`. `article_type` is what the article's <type> defaults to.
void write_front(pugi::xml_node issue, pugi::xml_node article, pugi::xml_node jats_article, BodyWriter& writer);

// The metadata archives expect that the article and its issue lack: "journal title",
// "publication date", "title", "language".
std::vector<std::string> missing_metadata(pugi::xml_node issue, pugi::xml_node article);

// What PMC and JATS4R require of a deposit that the article and its issue lack, each as the
// sentence a jats-missing warning says, naming the key that gives it.
std::vector<std::string> archive_gaps(pugi::xml_node issue, pugi::xml_node article);

// The article's language, else the publication's; empty when neither says.
std::string article_language(pugi::xml_node issue, pugi::xml_node article);

}  // namespace mimeo::jats
