// Imports one input file into a validated canonical article, choosing the importer
// by name or by the file's extension.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <string>

#include "common/diagnostics.hpp"
#include "common/options.hpp"

namespace mimeo {

// `from` empty means: by extension. Throws mimeo::Error (bad input) or UsageError (unknown format).
void import_article(const std::filesystem::path& path, const std::string& from, const FormatOptions& options,
                    pugi::xml_document& out, Diagnostics& diagnostics);

}  // namespace mimeo
