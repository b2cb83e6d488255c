#include "docx/properties.hpp"

#include "docx/xml_part.hpp"

namespace mimeo::docx {
namespace {

std::string text(pugi::xml_node root, const char* name) { return root.child(name).text().get(); }

}  // namespace

Properties read_properties(Package& package, const std::string& core_part, const std::string& app_part)
{
    Properties p;
    if (!core_part.empty() && package.has(core_part)) {
        pugi::xml_document doc;
        parse_part(package.read(core_part), package.file(), core_part, doc);
        pugi::xml_node core = doc.document_element();
        p.title = text(core, "dc:title");
        p.subject = text(core, "dc:subject");
        p.creator = text(core, "dc:creator");
        p.keywords = text(core, "cp:keywords");
        p.description = text(core, "dc:description");
        p.created = text(core, "dcterms:created");
    }
    if (!app_part.empty() && package.has(app_part)) {
        pugi::xml_document doc;
        parse_part(package.read(app_part), package.file(), app_part, doc);
        p.manager = text(doc.document_element(), "ep:Manager");
    }
    return p;
}

}  // namespace mimeo::docx
