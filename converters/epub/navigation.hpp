// The book's navigation: nav.xhtml (EPUB 3: contents and landmarks) and toc.ncx
// (the same contents for EPUB 2 readers).
#pragma once

#include <pugixml.hpp>

#include <string>

#include "epub/book.hpp"

namespace mimeo::epub {

// The article's entry: its title, linking `href`, with its sections (those with an id)
// nested below it, `depth` levels in all counting the article itself.
TocEntry article_entry(pugi::xml_node article, const std::string& href, int depth);

std::string nav_document(const Book& book, const std::string& title);
std::string ncx_document(const Book& book, const std::string& title);

}  // namespace mimeo::epub
