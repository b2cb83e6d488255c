// An imported article as bytes, and back: its canonical XML and the warnings its import
// gave. The cache stores it; an import worker answers with it. The tree comes back exactly
// as the import made it.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"

namespace mimeo::pipeline {

// Warnings located in `source_file` are written as "=", the input itself, whose name
// depends on where mimeo runs.
std::string encode_record(const pugi::xml_document& article, const std::vector<Diagnostic>& warnings,
                          const std::string& source_file);

// False when `text` is not a whole record; `article` is then empty.
bool decode_record(std::string_view text, const std::string& source_file, pugi::xml_document& article,
                   std::vector<Diagnostic>& warnings);

// The warnings alone, as a record holds them (a line each, then an empty line), and back.
std::string encode_warnings(const std::vector<Diagnostic>& warnings, const std::string& source_file);
// The warnings at the start of `text`; `at` is left after the empty line. False when damaged.
bool decode_warnings(std::string_view text, const std::string& source_file, std::vector<Diagnostic>& warnings,
                     std::size_t& at);

}  // namespace mimeo::pipeline
