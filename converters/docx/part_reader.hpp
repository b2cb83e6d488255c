// Reads WordprocessingML content (the body, a note, a comment, a text box, a
// table cell) into stage one's blocks. Word's own mechanics are settled here:
// fields spread over runs, tracked changes, content controls, smart tags,
// alternate content and VML/DrawingML pictures.
#pragma once

#include <pugixml.hpp>

#include <map>
#include <string>
#include <vector>

#include "docx/document.hpp"
#include "docx/relationships.hpp"
#include "docx/styles.hpp"

namespace mimeo::docx {

struct PartContext {
    std::string file;                     // for error messages
    const Styles& styles;
    const Relationships& relationships;   // of the part being read
    bool reject_changes = false;          // tracked changes: keep deletions, drop insertions
    std::map<std::string, int>& skipped;  // element kinds not used, counted
};

// The blocks of a container of w:p and w:tbl (w:body, w:footnote, w:tc, w:txbxContent ...).
std::vector<Block> read_blocks(pugi::xml_node container, PartContext& context);

}  // namespace mimeo::docx
