// mimeo's convention for every importer: a quotation's closing paragraph that opens
// with a dash ("— Karl Marx", "--- Karl Marx") is its attribution.
#pragma once

#include <pugixml.hpp>

namespace mimeo::model {

// Turns the closing <p> of a <quote> into its <attribution> when it opens with a dash.
void split_attribution(pugi::xml_node quote);

}  // namespace mimeo::model
