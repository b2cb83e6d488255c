// Reading input files with errors that name them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "common/diagnostics.hpp"

namespace mimeo {

// Reads a whole file. Throws mimeo::Error naming the file when it cannot.
std::string read_file(const std::filesystem::path& path);

// The location of the first byte that is not valid UTF-8, if any.
std::optional<Location> find_invalid_utf8(std::string_view text, const std::string& file);

// Throws mimeo::Error(encoding) at the first invalid byte.
void require_utf8(std::string_view text, const std::string& file);

}  // namespace mimeo
