// The formats pandoc reads and writes, named as pandoc names them, listed once.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace mimeo::pandoc {

// pandoc's reader for a file extension (".odt" -> "odt", ".md" -> "markdown"); empty when none.
std::string reader_for_extension(const std::filesystem::path& path);

// Every extension reader_for_extension knows, with the dot, lower case.
std::vector<std::string> reader_extensions();

// True for a reader name pandoc 2.11 to 3.x knows, with or without +extension/-extension
// suffixes ("markdown+smart").
bool is_reader(const std::string& name);
std::vector<std::string> reader_names();

// The reader `--from NAME` names: NAME itself when pandoc reads it; "markdown" for
// "pandoc-markdown" (with its +/- extensions), which says whose Markdown it is where "markdown"
// alone is mimeo's GFM; else empty.
std::string reader_named(const std::string& name);

// Readers whose images live inside the file (ODT, EPUB, DOCX, ...) and must be extracted;
// other formats link images that already sit beside the input.
bool embeds_media(const std::string& reader);

// Writers whose output is binary (and always a standalone document).
bool writes_binary(const std::string& writer);

}  // namespace mimeo::pandoc
