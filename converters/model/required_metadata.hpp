// Every article needs a title and a slug (the schema says so); the import service fills them
// in after every importer, with the date a Jekyll file name gives.
#pragma once

#include <pugixml.hpp>

#include <filesystem>

#include "common/diagnostics.hpp"

namespace mimeo::model {

// A missing title becomes the file's name (with a warning when `diagnostics` is given). A name
// "YYYY-MM-DD-rest" gives a missing date (with a warning), and the slug and title are made from
// its rest; otherwise a missing slug is made from the title, or else from the file's name.
void complete_required_metadata(pugi::xml_node article, const std::filesystem::path& source,
                                Diagnostics* diagnostics);

}  // namespace mimeo::model
