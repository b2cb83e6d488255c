// Imports one input file into a validated canonical article, choosing the importer
// by name or by the file's extension.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <string>

#include "common/diagnostics.hpp"
#include "common/options.hpp"

namespace mimeo {

// `from` empty means: by extension. `from` may also name any format pandoc reads ("odt",
// "rst"): the pandoc importer then reads it. Throws mimeo::Error (bad input) or UsageError
// (unknown format).
// The importer reads the `options` it declares; the others are for other importers. The
// article's `base` is set here, from where mimeo read the file, whatever the document says.
// `engine` "native" (or empty) uses mimeo's own importer where it has one; "pandoc" reads
// every format, Markdown and DOCX too, through pandoc (`--engine pandoc`, a pipeline input's
// `engine: pandoc`).
void import_article(const std::filesystem::path& path, const std::string& from, const std::string& engine,
                    const FormatOptions& options, pugi::xml_document& out, Diagnostics& diagnostics);

// Sets the article's `base` as import_article would for `path`, to an article read back from
// the cache: an entry's own base is never trusted.
void restore_base(const std::filesystem::path& path, const std::string& from, const std::string& engine,
                  const FormatOptions& options, pugi::xml_document& article);

// As above, with the engine taken from the option `engine` (where the CLI's --engine puts it).
void import_article(const std::filesystem::path& path, const std::string& from, const FormatOptions& options,
                    pugi::xml_document& out, Diagnostics& diagnostics);

}  // namespace mimeo
