// The package document (EPUB/package.opf): metadata, manifest and spine.
#pragma once

#include <string>

#include "epub/book.hpp"

namespace mimeo::epub {

// `title` is the book's main title (book_title). Creators are the articles' authors
// (role aut), contributors their translators (trl) and editors (edt), each once.
std::string package_document(const Book& book, const std::string& title);

}  // namespace mimeo::epub
