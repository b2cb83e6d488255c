// Parsing one XML part of the package. Two of Word's habits are settled here so
// that nothing later has to think about them:
//  - DTDs are refused outright (no entity can ever be declared, let alone resolved);
//  - namespace prefixes are rewritten to fixed ones ("w:", "r:", "a:", ...), so a
//    document that calls WordprocessingML "ns0:" or uses Strict OOXML reads the same.
#pragma once

#include <pugixml.hpp>

#include <string>

namespace mimeo::docx {

// Throws mimeo::Error (docx-xml, docx-dtd, docx-too-deep) naming `file` and `part`.
void parse_part(const std::string& bytes, const std::string& file, const std::string& part, pugi::xml_document& out);

}  // namespace mimeo::docx
