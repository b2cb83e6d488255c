// What a drawn cover says, read from the book: the masthead, tagline, issue line, the cover
// lines (the editor's, else the lead articles' titles) and the logo.
#pragma once

#include "common/diagnostics.hpp"
#include "epub/book.hpp"
#include "epub/cover_art.hpp"

namespace mimeo::epub {

// A logo that is not a PNG file mimeo can read is left off, with an epub-logo warning.
CoverArt cover_art(const Book& book, const Settings& settings, Diagnostics& diagnostics);

}  // namespace mimeo::epub
