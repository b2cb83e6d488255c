// The order of an issue's articles: as given, except where front matter weighs them.
#pragma once

#include <pugixml.hpp>

namespace mimeo::model {

// Puts the weighted articles of `articles` (<articles>) first, lighter before heavier, and the
// rest after them, each group keeping the order given (Hugo's rule for `weight`).
void order_by_weight(pugi::xml_node articles);

}  // namespace mimeo::model
