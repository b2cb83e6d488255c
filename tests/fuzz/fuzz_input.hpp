// Fuzz inputs reach importers as files, the way users hand them over.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace mimeo::fuzz {

// Writes the bytes to a per-process file in /dev/shm with the given extension.
std::filesystem::path write_input(const uint8_t* data, size_t size, const std::string& extension);

// Imports the file with the named importer, renders it to HTML, and swallows the
// errors bad input is expected to raise. Anything else (a crash, a sanitizer report) is a finding.
void import_and_render(const std::filesystem::path& path, const std::string& format);

}  // namespace mimeo::fuzz
