#include "docx/notes.hpp"

#include "docx/relationships.hpp"
#include "docx/xml_part.hpp"

namespace mimeo::docx {

std::map<std::string, Note> read_notes(Package& package, const std::string& part, const char* element,
                                       const Styles& styles, bool reject_changes, ReadLosses& losses)
{
    std::map<std::string, Note> notes;
    if (part.empty() || !package.has(part)) return notes;
    pugi::xml_document doc;
    parse_part(package.read(part), package.file(), part, doc);
    const Relationships relationships = read_relationships(package, part);
    PartContext context{package.file(), styles, relationships, reject_changes, losses};
    for (pugi::xml_node note : doc.document_element().children(element)) {
        std::string_view type = note.attribute("w:type").value();
        if (!type.empty() && type != "normal") continue;  // separators and continuation notices
        Note& n = notes[note.attribute("w:id").value()];
        n.author = note.attribute("w:author").value();
        n.blocks = read_blocks(note, context);
    }
    return notes;
}

}  // namespace mimeo::docx
