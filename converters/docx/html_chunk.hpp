// w:altChunk with HTML in it: Word embeds another document's HTML (pasted or merged
// content), sometimes the whole text. It is read with libxml2's forgiving HTML parser
// straight into model blocks: paragraphs, headings as sections, lists, quotes, code,
// tables, emphasis and links. What has no place in the model (images, forms, scripts)
// is counted in `skipped` by element name, for the importer's docx-skip warning.
#pragma once

#include <pugixml.hpp>

#include <map>
#include <string>
#include <string_view>

namespace mimeo::docx {

void html_chunk_to_model(std::string_view html, pugi::xml_node container, std::map<std::string, int>& skipped);

}  // namespace mimeo::docx
