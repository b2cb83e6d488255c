// Body links that would lead nowhere become their text. By the one URL policy
// (common/url.hpp): a link whose target is not http:, https: or mailto: (nor relative). Every
// importer's output passes here (import_article), so no exporter ever writes a javascript:,
// data: or file: link, and the schema refuses one in canonical XML. Then links to ids the
// article lacks, and, once a run knows the publication, links to paths on its site.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"

namespace mimeo::model {

// Unwraps each refused <link> of `article` into its content; returns their targets, in order.
std::vector<std::string> unlink_refused(pugi::xml_node article);

// Unwraps each <link href="#id"> to an id that no element of `article` has (nor raw HTML in
// it, by id= or name=); returns their targets, in order.
std::vector<std::string> unlink_dangling(pugi::xml_node article);

// Resolves each site-absolute <link href="/commands/hugo/"> (Hugo's and Jekyll's way to link
// within the site) against the article's absolute url, else `publication_url`; with neither,
// unwraps it. Returns the unwrapped targets, in order.
std::vector<std::string> settle_site_links(pugi::xml_node article, std::string_view publication_url);

// One `code` warning for the links unwrapped into their text: how many, and the first five
// targets. `why` says what they are ("to a place (#id) the article does not have").
void warn_unlinked(const std::vector<std::string>& targets, const std::string& file, const char* code,
                   const std::string& why, Diagnostics& diagnostics);

}  // namespace mimeo::model
