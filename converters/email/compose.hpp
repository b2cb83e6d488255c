// What a newsletter message says: the text (masthead, contents, articles, footer)
// and, by option, the same as HTML from the shared renderer.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "email/settings.hpp"
#include "text/layout.hpp"

namespace mimeo::email {

// The articles of one message, with the masthead; a table of contents when there are several.
std::vector<text::Line> text_body(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles,
                                  const Settings& settings);

// A whole XHTML document with inline styles, for the text/html part.
std::string html_body(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles, const Settings& settings,
                      const std::string& subject, Diagnostics& diagnostics);

// The unsubscribe sentence of the footer, from the List-Unsubscribe URLs.
std::string unsubscribe_text(const std::vector<std::string>& urls);

}  // namespace mimeo::email
