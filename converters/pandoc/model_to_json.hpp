// The canonical model as pandoc's document tree (JSON, pandoc-types API 1.22 or 1.23),
// for pandoc's writers.
#pragma once

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

namespace mimeo::pandoc {

// One article becomes a document with the article's metadata; several become one
// document titled by the issue, each article opening with a level-1 heading.
// `api_minor`: 22 (pandoc 2.11-2.19) or 23 (pandoc 3), which differ in figures.
nlohmann::json issue_to_json(pugi::xml_node issue, int api_minor);

}  // namespace mimeo::pandoc
