// Body links by the one URL policy (common/url.hpp): a link whose target is not http:, https:
// or mailto: (nor relative) becomes its text. Every importer's output passes here
// (import_article), so no exporter ever writes a javascript:, data: or file: link, and the
// schema refuses one in canonical XML.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <vector>

namespace mimeo::model {

// Unwraps each refused <link> of `article` into its content; returns their targets, in order.
std::vector<std::string> unlink_refused(pugi::xml_node article);

// Unwraps each <link href="#id"> to an id that no element of `article` has (nor raw HTML in
// it, by id= or name=); returns their targets, in order.
std::vector<std::string> unlink_dangling(pugi::xml_node article);

}  // namespace mimeo::model
