// pandoc's JSON document tree: its API version, and parsing it.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "common/pandoc_run.hpp"

namespace mimeo::pandoc {

// The pandoc-types API a document was written with: 22 for pandoc 2.11-2.19, 23 for pandoc 3.
// Throws mimeo::Error(pandoc-version) for any other.
int api_minor(const nlohmann::json& document, const Tool& tool, const std::string& file);

// The API version this pandoc reads and writes, asked of it once per program.
int installed_api_minor(const Tool& tool, const std::string& file, Diagnostics& diagnostics);

// Parses pandoc's JSON output, or throws mimeo::Error(pandoc-json).
nlohmann::json parse_json(const std::string& text, const Tool& tool, const std::string& file);

}  // namespace mimeo::pandoc
