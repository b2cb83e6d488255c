// Imports one input file into a canonical article, choosing the importer
// by name or by the file's extension.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <string>

#include "common/diagnostics.hpp"
#include "common/options.hpp"
#include "format/format.hpp"

namespace mimeo {

// Which importer reads `path`, and the options it is given: chosen and checked once, before
// any import (a pipeline when it is loaded, the CLI before it runs).
struct ImportPlan {
    const Importer* importer = nullptr;
    FormatOptions options;  // the importer's own, checked; `format` set when an engine reads it
};

// `from` empty means: by extension. `from` may also name any format pandoc reads ("odt",
// "rst"): the pandoc importer then reads it. `engine` "native" (or empty) uses mimeo's own
// importer where it has one; "pandoc" reads every format, Markdown and DOCX too, through pandoc
// (`--engine pandoc`, a pipeline input's `engine: pandoc`). Of `options`, the importer takes
// those it declares; the others are for other importers. Throws UsageError for an unknown
// format or engine, or a bad option; mimeo::Error(read) when there is no such file.
ImportPlan plan_import(const std::filesystem::path& path, const std::string& from, const std::string& engine,
                       const FormatOptions& options);

// Throws mimeo::Error on bad input. The article's `base` is set here, from where mimeo read the
// file, whatever the document says; so are a missing title and slug. The article is not yet
// checked against the schema: the caller does that once, after its transforms
// (model::require_valid).
void import_article(const std::filesystem::path& path, const ImportPlan& plan, pugi::xml_document& out,
                    Diagnostics& diagnostics);

// One file read on its own, as `mimeo import` reads it: planned with the engine the option
// `engine` names (where --engine puts it), imported, and checked against the schema.
void import_file(const std::filesystem::path& path, const std::string& from, const FormatOptions& options,
                 pugi::xml_document& out, Diagnostics& diagnostics);

// Sets the article's `base` as import_article would, to an article read back from the cache:
// an entry's own base is never trusted.
void restore_base(const std::filesystem::path& path, const ImportPlan& plan, pugi::xml_document& article);

}  // namespace mimeo
