// Validation against the official JATS DTDs (npm package @jats4r/dtds), resolved
// through its OASIS catalog: libxml2 never fetches anything from the network.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"

namespace mimeo::jats {

// The DTDs' catalog.xml: in `configured` (a folder or the catalog itself) when given, else in
// $MIMEO_JATS_DTDS, else in node_modules/@jats4r/dtds/schema above the running executable or
// the working directory. Empty when none is found; throws mimeo::Error when `configured` is wrong.
std::filesystem::path find_catalog(const std::string& configured);

// Parses with DTD validation against the DTD the file's DOCTYPE names (what `mimeo check` does).
std::vector<Diagnostic> validate_as_declared(const std::string& xml, const std::string& file_name,
                                             const std::filesystem::path& catalog);

// Validates against the JATS 1.3 Archiving DTD, which is parsed once per process: the
// exporter's check of every file it writes.
std::vector<Diagnostic> validate_archiving(const std::string& xml, const std::string& file_name,
                                           const std::filesystem::path& catalog);

}  // namespace mimeo::jats
