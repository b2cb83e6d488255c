// The one XHTML renderer of the canonical model. The HTML page, the EPUB, the
// feeds' content and the email's HTML part all call it, with different options.
#pragma once

#include <pugixml.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mimeo::html {

enum class NoteStyle {
    section,  // an ordered list after the article (web pages, feeds, email)
    epub,     // <aside epub:type="footnote"> pop-ups, with epub:type on the references
};

struct RenderOptions {
    NoteStyle notes = NoteStyle::section;
    std::string id_prefix;   // keeps ids apart when several articles share a page
    int heading_offset = 0;  // section level 1 renders as <h(1 + offset)>
    bool inline_styles = false;  // style attributes for mail clients that drop <style>
    // Rewrites an href or src (absolute URLs for feeds, packaged paths for EPUB). Identity when empty.
    std::function<std::string(std::string_view url, bool is_image)> rewrite_url;
    // Turns a raw HTML fragment into what the output may hold. Verbatim when empty.
    std::function<std::string(std::string_view raw_html)> filter_raw_html;
};

// Blocks of a container (a <body>, a <note>, a cell), as a fragment.
std::string render_blocks(pugi::xml_node container, const RenderOptions& options);
// Inline content of an element (a title, a caption), as a fragment.
std::string render_inlines(pugi::xml_node element, const RenderOptions& options);
// An <article> element: header (title, subtitle, byline, translator, provenance), body and notes.
std::string render_article(pugi::xml_node article, const RenderOptions& options);
// Its body, notes and references, without the header (an HTML fragment's content).
std::string render_article_body(pugi::xml_node article, const RenderOptions& options);
// The issue's masthead: publication title (the page's <h1>), tagline, epigraph, issue number and date.
std::string render_masthead(pugi::xml_node issue, const RenderOptions& options);
// Its imprint: publisher, ISSNs, the editor's address, rights, and the licence its articles
// share; empty when the publication says none of them.
std::string render_imprint(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles, const RenderOptions& options);

}  // namespace mimeo::html
