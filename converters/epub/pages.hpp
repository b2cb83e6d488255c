// The XHTML content documents of an EPUB: the cover, the masthead and one page per
// article. Their content comes from the shared renderer; this file only frames it.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "epub/book.hpp"
#include "html/renderer.hpp"

namespace mimeo::epub {

// A whole XHTML5 document with the epub namespace, linking `css_href`.
std::string xhtml_page(std::string_view title, std::string_view lang, std::string_view css_href, std::string_view body);

// A text cover: the publication and issue, or for a one-article book the article's title and byline.
std::string text_cover_page(const Book& book, const std::string& title, const html::RenderOptions& options);
// A cover showing the cover image (href relative to the page).
// `alt`: what the cover shows, for a reader who cannot see it.
std::string image_cover_page(const Book& book, const std::string& title, const std::string& image_href,
                             const std::string& alt);
// The masthead: publication, tagline, epigraph, issue number and date.
std::string masthead_page(const Book& book, const std::string& title, const html::RenderOptions& options);
// One article: header, body and pop-up notes.
std::string article_page(const Book& book, pugi::xml_node article, const html::RenderOptions& options);

// The book's title as one line: "The Lamplighter — Issue 418", or the article's title.
std::string book_title(const Book& book);

}  // namespace mimeo::epub
