// pandoc's document metadata mapped to <meta>. Rich fields (title, subtitle, abstract)
// keep their inline markup; the rest go through mimeo's front-matter rules
// (model::apply_metadata), so `--engine pandoc` reads a Markdown file's front matter
// as the native importer does.
#pragma once

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <optional>
#include <string>

#include "common/diagnostics.hpp"
#include "pandoc/json_to_model.hpp"

namespace mimeo::pandoc {

void map_metadata(const json& meta, TreeMapper& mapper, pugi::xml_node article, const std::string& file,
                  Diagnostics& diagnostics);

// "2025-04-14", "14 April 2025", "April 14, 2025", "2025/04/14", "2025-04-14T10:00Z", ...
// as YYYY-MM-DD (or YYYY-MM, YYYY); nothing when the text is not a date mimeo can read.
std::optional<std::string> normalize_date(const std::string& text);

}  // namespace mimeo::pandoc
