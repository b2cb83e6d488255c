// Text as XML 1.0 can hold it, one rule for every importer: invalid UTF-8, C0 control
// characters other than tab and line ends, and the non-characters U+FFFE and U+FFFF each become
// U+FFFD.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <string>

namespace mimeo::model {

// Replaces in place; returns how many were replaced, for the importer's one warning.
std::size_t clean_text(std::string& text);
// The same over every text and attribute value under `root`, for importers handed a tree.
std::size_t clean_tree(pugi::xml_node root);

}  // namespace mimeo::model
