// Reads a JATS file safely into a pugixml tree: libxml2 parses it without touching
// the network or any external entity or DTD, and the entities it meets are resolved
// here, within a budget, so that an entity bomb cannot blow up the import. A file that
// needs none of that (no internal DTD subset, no entity but XML's five, MathML, XLink and
// ALI under their usual prefixes, as published articles are) is read by pugixml itself,
// five times faster, into the same tree.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <unordered_map>
#include <vector>

#include "common/diagnostics.hpp"

namespace mimeo::jats {

struct JatsTree {
    std::string file;
    pugi::xml_document doc;  // namespace prefixes normalized: xlink:, mml:, ali:, xml:
    std::unordered_map<const void*, int> lines;  // read by libxml2: each element's line
    std::vector<std::size_t> line_starts;         // read by pugixml: where each line begins

    Location where(pugi::xml_node node) const;
};

// Throws mimeo::Error (code "xml", with the line) when the file is not well-formed.
void parse_jats(const std::string& text, JatsTree& out, Diagnostics& diagnostics);

}  // namespace mimeo::jats
