#include "docx/relationships.hpp"

#include <cctype>

#include "docx/xml_part.hpp"

namespace mimeo::docx {
namespace {

std::string percent_decoded(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

Relationships read_relationships(Package& package, const std::string& part)
{
    const std::string folder = folder_of(part);
    const std::string rels_part = folder + "_rels/" + part.substr(folder.size()) + ".rels";
    Relationships result;
    if (!package.has(rels_part)) return result;
    pugi::xml_document doc;
    parse_part(package.read(rels_part), package.file(), rels_part, doc);
    for (pugi::xml_node r : doc.child("rel:Relationships").children("rel:Relationship")) {
        Relationship rel;
        std::string type = r.attribute("Type").value();
        rel.type = type.substr(type.rfind('/') + 1);
        rel.external = std::string_view(r.attribute("TargetMode").value()) == "External";
        rel.target = r.attribute("Target").value();
        if (!rel.external) {
            rel.target = resolve_part_name(folder, rel.target, package.file());
            // Targets are IRIs; the zip holds the decoded name.
            if (!package.has(rel.target)) {
                std::string decoded = resolve_part_name(folder, percent_decoded(r.attribute("Target").value()), package.file());
                if (package.has(decoded)) rel.target = decoded;
            }
            rel.present = package.has(rel.target);
        }
        result.emplace(r.attribute("Id").value(), std::move(rel));
    }
    return result;
}

std::string target_of_type(const Relationships& relationships, const std::string& type)
{
    for (const auto& [id, rel] : relationships)
        if (rel.type == type && !rel.external) return rel.target;
    return "";
}

}  // namespace mimeo::docx
