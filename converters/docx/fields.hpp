// Word field instructions ("HYPERLINK \"https://x.org\" \o \"tip\"", "PAGEREF _Toc1 \h"):
// the field's name, its arguments and its switches, and fields resolved in stage one. Word
// shows a field's result, and so do we, except that a HYPERLINK field becomes a link.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "docx/document.hpp"

namespace mimeo::docx {

struct FieldInstruction {
    std::string name;                         // upper case: "HYPERLINK", "PAGEREF", "TOC" ...
    std::vector<std::string> arguments;       // in order, quotes removed
    std::map<std::string, std::string> switches;  // "\l" -> "anchor"; a switch without a value maps to ""
};

FieldInstruction parse_field(const std::string& instruction);

struct FieldLink {
    std::string href;  // empty when the field is not a link
    std::string title;
};

// HYPERLINK "url" [\l "bookmark"] [\o "tooltip"]: where it points.
FieldLink field_link(const FieldInstruction& field);

// Replaces every field in `inlines` (and inside links) by what it shows: a link for a
// HYPERLINK field, else its result's pieces in its place. No field is left for stage two.
void resolve_fields(std::vector<Inline>& inlines);

}  // namespace mimeo::docx
