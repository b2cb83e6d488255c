// The issue's own text: the masthead and the numbered table of contents.
#pragma once

#include <pugixml.hpp>

#include <vector>

#include "text/layout.hpp"

namespace mimeo::text {

// Publication title, tagline and epigraph, centered between rules, then the
// volume, issue number, date and issue title. Nothing when there is no publication.
void write_masthead(Layout& out, pugi::xml_node issue);

// "In this issue:" and the articles' titles, numbered from 1.
void write_contents(Layout& out, const std::vector<pugi::xml_node>& articles);

}  // namespace mimeo::text
