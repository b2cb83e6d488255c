// Checks documents against schemas/article.rng (compiled into mimeo) with libxml2.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"

namespace mimeo::model {

// Every schema violation in `xml`, located by line in `file_name`.
std::vector<Diagnostic> validate_xml(const std::string& xml, const std::string& file_name);
std::vector<Diagnostic> validate_document(const pugi::xml_document& doc, const std::string& file_name);
std::vector<Diagnostic> validate_file(const std::filesystem::path& path);

// Throws the first violation as mimeo::Error (code "schema").
void require_valid(const pugi::xml_document& doc, const std::string& file_name);

const std::string& article_schema_text();

}  // namespace mimeo::model
