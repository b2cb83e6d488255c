// How importers build the model's sections, notes and tables, so that each is written the one
// way the schema (schemas/article.rng) wants it, whichever format it came from.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <utility>
#include <vector>

namespace mimeo::model {

// Headings of a flat text (Markdown, pandoc's tree, Word, HTML) nest into sections by level: a
// heading closes the open sections of its level or deeper and opens one inside what is left.
class SectionNesting {
public:
    explicit SectionNesting(pugi::xml_node container) : open_{{0, container}} {}
    // A new <section level="..."> and its <heading>, which is returned to be filled.
    pugi::xml_node open(int level);
    // Where the next block goes: the innermost open section, or the container.
    pugi::xml_node here() const { return open_.back().second; }

private:
    std::vector<std::pair<int, pugi::xml_node>> open_;
};

// A <note id kind> at the end of the article's <notes>, which the first note makes.
pugi::xml_node append_note(pugi::xml_node article, const std::string& id, const char* kind);

// A <table> in the schema's order, whatever order its parts come in: caption, columns, head
// rows, body rows.
class TableWriter {
public:
    explicit TableWriter(pugi::xml_node parent)
        : table_(parent.append_child("table")), rows_(table_.append_child("rows"))
    {
    }
    pugi::xml_node table() const { return table_; }
    pugi::xml_node caption();                          // made once, first
    pugi::xml_node column(const char* align = nullptr);  // "left", "center", "right"
    pugi::xml_node row(bool head);
    // A <cell>, with colspan and rowspan only when over 1.
    static pugi::xml_node cell(pugi::xml_node row, int colspan = 1, int rowspan = 1);

private:
    pugi::xml_node table_, rows_, head_;
};

}  // namespace mimeo::model
