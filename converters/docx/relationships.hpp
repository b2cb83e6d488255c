// A part's relationships (word/_rels/document.xml.rels): what r:id="rId5" points at.
#pragma once

#include <string>
#include <unordered_map>

#include "docx/zip_package.hpp"

namespace mimeo::docx {

struct Relationship {
    std::string type;    // the last segment of the type URI: "image", "hyperlink", "footnotes", ...
    std::string target;  // a resolved part name, or the URL as written when external
    bool external = false;
    bool present = false;  // an internal target the package holds
};

using Relationships = std::unordered_map<std::string, Relationship>;

// The relationships of `part` ("" for the package's own, _rels/.rels); empty when it has none.
Relationships read_relationships(Package& package, const std::string& part);

// The target of the first relationship of `type`, or "".
std::string target_of_type(const Relationships& relationships, const std::string& type);

}  // namespace mimeo::docx
