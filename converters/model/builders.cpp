#include "model/builders.hpp"

#include "model/model.hpp"

namespace mimeo::model {

pugi::xml_node SectionNesting::open(int level)
{
    while (open_.size() > 1 && open_.back().first >= level) open_.pop_back();
    pugi::xml_node section = here().append_child("section");
    section.append_attribute("level") = level;
    open_.emplace_back(level, section);
    return section.append_child("heading");
}

pugi::xml_node append_note(pugi::xml_node article, const std::string& id, const char* kind)
{
    pugi::xml_node list = notes(article);
    if (!list) list = article.append_child("notes");
    pugi::xml_node note = list.append_child("note");
    note.append_attribute("id") = id.c_str();
    note.append_attribute("kind") = kind;
    return note;
}

pugi::xml_node TableWriter::caption()
{
    if (pugi::xml_node made = table_.child("caption")) return made;
    return table_.prepend_child("caption");
}

pugi::xml_node TableWriter::column(const char* align)
{
    pugi::xml_node column = table_.insert_child_before("column", head_ ? head_ : rows_);
    if (align) column.append_attribute("align") = align;
    return column;
}

pugi::xml_node TableWriter::row(bool head)
{
    if (head && !head_) head_ = table_.insert_child_before("head", rows_);
    return (head ? head_ : rows_).append_child("row");
}

pugi::xml_node TableWriter::cell(pugi::xml_node row, int colspan, int rowspan)
{
    pugi::xml_node cell = row.append_child("cell");
    if (colspan > 1) cell.append_attribute("colspan") = colspan;
    if (rowspan > 1) cell.append_attribute("rowspan") = rowspan;
    return cell;
}

}  // namespace mimeo::model
