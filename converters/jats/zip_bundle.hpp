// A zip archive built in memory, so that it is written through OutputSet like every output.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mimeo::jats {

// Entries are (name inside the archive, bytes). Throws mimeo::Error when libzip fails.
std::string zip_bundle(const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace mimeo::jats
