// Everything stage one reads from a DOCX package, ready for stage two (to_model).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "docx/document.hpp"
#include "docx/numbering.hpp"
#include "docx/styles.hpp"

namespace mimeo::docx {

// What stage one met and could not carry, for the importer's warnings.
struct ReadLosses {
    // Element kinds the reader could not use, with how often: "w:object" -> 3.
    std::map<std::string, int> skipped;
    // Characters of a symbol font (by font name) that have no Unicode mapping: kept as private use.
    std::map<std::string, int> unmapped_symbols;
    // Targets of pictures linked to a file (Word's "Link to File"), never read.
    std::vector<std::string> linked_images;
};

struct Note {
    std::vector<Block> blocks;
    std::string author;  // comments only
};

struct WordDocument {
    std::vector<Block> body;
    std::map<std::string, Note> footnotes, endnotes, comments;  // by Word's id
    Styles styles;
    Numbering numbering;
    Properties properties;
    ReadLosses losses;
};

}  // namespace mimeo::docx
