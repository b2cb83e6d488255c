// word/footnotes.xml, word/endnotes.xml and word/comments.xml: each note's blocks by Word's id.
#pragma once

#include <map>
#include <string>

#include "docx/part_reader.hpp"
#include "docx/word_document.hpp"
#include "docx/zip_package.hpp"

namespace mimeo::docx {

// `element` is "w:footnote", "w:endnote" or "w:comment". Separator notes are left out.
std::map<std::string, Note> read_notes(Package& package, const std::string& part, const char* element,
                                       const Styles& styles, bool reject_changes, ReadLosses& losses);

}  // namespace mimeo::docx
