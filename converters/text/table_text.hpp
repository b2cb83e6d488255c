// Tables as aligned columns of text, cells wrapped within their column when the
// table is wider than the page, the header row ruled off with dashes.
#pragma once

#include <pugixml.hpp>

#include "text/inline_text.hpp"
#include "text/layout.hpp"

namespace mimeo::text {

void write_table(Layout& out, pugi::xml_node table, References& references);

}  // namespace mimeo::text
