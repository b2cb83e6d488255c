// JATS body, back and inline elements mapped to the canonical model's blocks and inlines.
#pragma once

#include <pugixml.hpp>

#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "common/diagnostics.hpp"
#include "jats/read_xml.hpp"

namespace mimeo::jats {

struct BodyReader {
    const JatsTree& tree;
    Diagnostics& diagnostics;
    pugi::xml_node article;         // the model article: its <notes> receive footnotes met inline
    std::set<std::string> note_ids;  // <fn> ids that became notes, for <xref ref-type="fn">
    // Elements with no counterpart in the model, by name and whether their content was kept:
    // where each was first met, and how often.
    std::map<std::pair<std::string, bool>, std::pair<Location, int>> unknown;
    int depth = 0;                   // section depth, for <sec> without @disp-level
    int generated_ids = 0;
    int textual_forms = 0;  // formulas' <textual-form>s left out beside their MathML or TeX
};

using Names = std::initializer_list<std::string_view>;
bool among(std::string_view name, Names names);

// Counts `node` among the elements with no counterpart in the model; report_unknown names
// them, once the article is read, each with its count and where it was first met.
void note_unknown(pugi::xml_node node, BodyReader& reader, bool kept = true);
void report_unknown(const BodyReader& reader);

// Every character of text below `node`, markup left out (labels, alt text, code, math).
std::string all_text(pugi::xml_node node);
// `text` without the spacing at its ends; squeezed: and with each run inside as one space.
std::string trimmed(const std::string& text);
std::string squeezed(const std::string& text);

// A graphic's xlink:href as the model's image src. PMC's articles name a graphic without its
// file's extension ("30202.fig.001a" for the 30202.fig.001a.jpg beside the article): the file
// beside it that has one is the image; PLOS's "info:doi/10.1371/journal.x.g001" is the
// journal.x.g001 file beside it, when there is one.
std::string graphic_src(const std::string& href, const BodyReader& reader);

// Appends the blocks of the JATS `container` to the model element `out`, leaving out the
// children named in `skip` (read by their owner: an abstract's title).
void read_blocks(pugi::xml_node container, pugi::xml_node out, BodyReader& reader, Names skip = {});

// Appends the inline content of the JATS `element` to the model element `out`.
void read_inlines(pugi::xml_node element, pugi::xml_node out, BodyReader& reader);
// One inline node (text, element or raw instruction).
void read_inline(pugi::xml_node node, pugi::xml_node out, BodyReader& reader);

// A <fn> as a model <note> of `kind`; returns its id.
std::string read_note(pugi::xml_node fn, const char* kind, BodyReader& reader);

// The content of a <?mimeo-raw FORMAT CONTENT?> instruction, unescaped; sets `format`.
std::string raw_content(std::string_view pi_value, std::string& format);

// Every <fn-group> of <back> (and <fn> elsewhere in back) into the model's <notes>.
void read_notes(pugi::xml_node back, BodyReader& reader);

// The rest of <back> (ref-list, ack, app, glossary, notes, sec) as sections after the body.
void read_back_sections(pugi::xml_node back, pugi::xml_node body, BodyReader& reader);

}  // namespace mimeo::jats
