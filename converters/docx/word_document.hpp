// Everything stage one reads from a DOCX package, ready for stage two (to_model).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "docx/document.hpp"
#include "docx/numbering.hpp"
#include "docx/styles.hpp"

namespace mimeo::docx {

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
    // Element kinds the reader met and could not use, with how often: "w:object" -> 3.
    std::map<std::string, int> skipped;
};

}  // namespace mimeo::docx
