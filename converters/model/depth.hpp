// The depth guard every import passes: the model holds at most model::max_depth levels of
// elements, so that libxml2 can validate it and the renderers can recurse over it.
#pragma once

#include <pugixml.hpp>

#include <string>

namespace mimeo::model {

// Throws mimeo::Error(too-deep) naming `file` when elements under `root` nest deeper.
void require_depth(pugi::xml_node root, const std::string& file);

}  // namespace mimeo::model
