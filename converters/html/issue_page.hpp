// The issue as one XHTML page, made one way for the html output and the email's HTML part:
// the page, its masthead, the contents when there are several articles, and each article in
// turn. What differs between them (the head, the body's frame, how an article and the
// contents are wrapped, what ends the page) comes in as the page's parts.
#pragma once

#include <pugixml.hpp>

#include <functional>
#include <string>
#include <vector>

#include "html/renderer.hpp"

namespace mimeo::html {

struct PageParts {
    std::string html_attributes;  // after xmlns, such as ` lang="en" xml:lang="en"`
    std::string head;             // the lines inside <head>
    std::string body_open;        // "<body>\n", and any frame around the content
    std::string page_close;       // what follows the last article, "</body>\n</html>\n" included
    std::function<std::string(const std::vector<pugi::xml_node>& articles, const RenderOptions& options)> contents;
    std::function<std::string(pugi::xml_node article, const RenderOptions& options)> article;
};

// The language a page of these articles is in: the publication's, else the first article's,
// else `fallback`.
std::string issue_language(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles,
                           const std::string& fallback);

// A list item linking to each article by its slug, its title rendered: the contents' lines.
std::string contents_items(const std::vector<pugi::xml_node>& articles, const RenderOptions& options);

// Each article is rendered with ids prefixed by its slug when there are several, so that
// two articles' notes never share an id on the page.
std::string issue_page(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles, RenderOptions options,
                       const PageParts& parts);

}  // namespace mimeo::html
