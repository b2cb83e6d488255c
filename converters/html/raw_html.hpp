// Raw HTML fragments from the inputs, made fit for XHTML outputs (EPUB now, feeds
// and email later): parsed with libxml2's forgiving HTML parser, written back as
// well-formed XHTML and, unless the caller explicitly keeps it, sanitized.
#pragma once

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>

namespace mimeo::html {

enum class RawHtml {
    sanitize,  // only inert, known HTML elements and attributes survive (the default everywhere)
    keep,      // every element and attribute kept; only made well-formed
};

struct RawHtmlOptions {
    RawHtml policy = RawHtml::sanitize;
    // Applied to each href and src that survives, as RenderOptions::rewrite_url is.
    // An empty result removes the attribute, and an <img> whose src is removed.
    std::function<std::string(std::string_view url, bool is_image)> rewrite_url;
    // The ids raw HTML has given on this page: an XHTML page holds each id once, so a later one
    // (<hr id="bar"> twice) is dropped, as a browser's lookup would pass it over.
    std::shared_ptr<std::set<std::string>> ids_seen;
};

// Sanitizing drops, with their content: script, style, iframe, object, embed and the other
// elements that run code, load documents or take input; svg. Unknown or obsolete elements
// are replaced by their content. Attributes are kept only from an allow-list: never on*
// handlers or style. URLs with javascript:, vbscript: or data: schemes are removed, except
// data:image/ on an <img> src. Comments and processing instructions are always dropped.
std::string raw_html_to_xhtml(std::string_view fragment, const RawHtmlOptions& options);

// True for a URL no sanitized output may hold: javascript:, vbscript:, and data: except
// data:image/ when `image_source` (whitespace, control characters and case ignored).
bool unsafe_url(std::string_view url, bool image_source);

}  // namespace mimeo::html
