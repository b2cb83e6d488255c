// Reads WordprocessingML content (the body, a note, a comment, a text box, a
// table cell) into stage one's blocks. Word's own mechanics are settled here:
// fields spread over runs, tracked changes, content controls, smart tags,
// alternate content and VML/DrawingML pictures.
#pragma once

#include <pugixml.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "docx/document.hpp"
#include "docx/relationships.hpp"
#include "docx/styles.hpp"
#include "docx/word_document.hpp"

namespace mimeo::docx {

struct PartContext {
    std::string file;                     // for error messages
    const Styles& styles;
    const Relationships& relationships;   // of the part being read
    bool reject_changes = false;          // tracked changes: keep deletions, drop insertions
    ReadLosses& losses;
    // Reads the part an altChunk's relationship names; empty where chunks cannot be (notes).
    std::function<Chunk(const std::string& part)> read_chunk = nullptr;
};

// The blocks of a container of w:p and w:tbl (w:body, w:footnote, w:tc, w:txbxContent ...).
std::vector<Block> read_blocks(pugi::xml_node container, PartContext& context);

}  // namespace mimeo::docx
