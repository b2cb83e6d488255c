// What one EPUB holds before it is zipped: its files, reading order, table of
// contents and landmarks. assemble.cpp fills it; package_document.cpp, navigation.cpp and
// zip_writer.cpp write it out.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <vector>

#include "html/raw_html.hpp"

namespace mimeo::epub {

// The exporter's options, read and checked once.
struct Settings {
    int toc_depth = 2;                   // 1: articles only; 2: and their sections; ...
    std::string stylesheet;              // a CSS file replacing the default, or empty
    std::string extra_css;               // a CSS file whose rules follow the stylesheet's, or empty
    std::string cover;                   // a cover image, or empty for a drawn one
    bool cover_art = true;               // with no cover image, draw one; else a text cover page
    std::vector<std::string> cover_lines;  // the drawn cover's lines; empty for the lead titles
    std::string cover_color;             // the drawn cover's ground, "#rrggbb"
    std::vector<std::string> fonts;      // font files to embed
    bool font_subset = false;            // cut them to the characters the book uses
    bool font_obfuscation = false;       // obfuscate them (IDPF)
    bool missing_images_warn = false;    // leave missing images out with a warning instead of failing
    html::RawHtml raw_html = html::RawHtml::sanitize;
    bool outside_images = false;  // images from outside the article's folder may be packed
};

// One file of the publication, under EPUB/ in the zip.
struct Item {
    std::string id;          // manifest id
    std::string href;        // relative to the package document, such as "text/intro.xhtml"
    std::string media_type;
    std::string properties;  // manifest properties ("cover-image", "svg"), space-separated
    std::string bytes;
};

struct TocEntry {
    std::string title;
    std::string href;
    std::string lang;  // the article's, when it is not the book's
    // For an article, what the contents page shows beside its title.
    std::string dek;      // its subtitle, else its summary
    std::string byline;   // "By A and B"
    std::string section;  // its section (its first subject), which groups it
    std::vector<TocEntry> children;
};

struct Book {
    pugi::xml_node issue;                 // for the publication and the issue's number and date
    std::vector<pugi::xml_node> articles;  // the articles this book holds, in order
    bool whole_issue = true;              // false for a one-article book made by per-article

    std::string identifier;  // "urn:uuid:..."
    std::string modified;    // "2025-04-14T00:00:00Z"
    std::string language;    // the book's main language

    std::vector<Item> items;               // in zip order; nav, NCX and package document come apart
    std::vector<std::string> spine;        // item ids in reading order
    std::vector<TocEntry> toc;
    std::string cover_href;                // landmarks
    std::string bodymatter_href;
    bool has_images = false;
    bool all_images_described = true;      // every image has alt text
};

inline constexpr const char* nav_href = "nav.xhtml";
inline constexpr const char* ncx_href = "toc.ncx";
inline constexpr const char* package_path = "EPUB/package.opf";

}  // namespace mimeo::epub
