// w:altChunk with HTML in it: Word embeds another document's HTML (pasted or merged
// content), sometimes the whole text. It is read with libxml2's forgiving HTML parser
// straight into model blocks: paragraphs, headings as sections, lists, quotes, code,
// tables, emphasis and links. What has no place in the model (images, forms, scripts)
// is counted in `losses`, for the importer's docx-skip warning.
#pragma once

#include <pugixml.hpp>

#include <map>
#include <string>
#include <string_view>

namespace mimeo::docx {

struct ChunkLosses {
    std::map<std::string, int> skipped;  // HTML elements with no place in the model, by name
    int too_deep = 0;  // chunks nested past the parser's 256 levels, whose deeper content is lost
};

void html_chunk_to_model(std::string_view html, pugi::xml_node container, ChunkLosses& losses);

}  // namespace mimeo::docx
