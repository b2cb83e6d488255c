// Every article needs a title and a slug (the schema says so); the import service fills them
// in after every importer.
#pragma once

#include <pugixml.hpp>

#include <filesystem>

#include "common/diagnostics.hpp"

namespace mimeo::model {

// A missing title becomes the file's name (with a warning when `diagnostics` is given);
// a missing slug is made from the title, or else from the file's name.
void complete_required_metadata(pugi::xml_node article, const std::filesystem::path& source,
                                Diagnostics* diagnostics);

}  // namespace mimeo::model
