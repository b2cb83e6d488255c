#include "docx/numbering.hpp"

namespace mimeo::docx {
namespace {

ListLevel read_level(pugi::xml_node lvl)
{
    ListLevel level;
    std::string_view format = lvl.child("w:numFmt").attribute("w:val").value();
    level.bullet = format.empty() || format == "bullet" || format == "none";
    level.start = lvl.child("w:start").attribute("w:val").as_int(1);
    level.style_id = lvl.child("w:pStyle").attribute("w:val").value();
    return level;
}

}  // namespace

Numbering::Numbering(pugi::xml_node root)
{
    for (pugi::xml_node abstract : root.children("w:abstractNum")) {
        auto& levels = abstracts_[abstract.attribute("w:abstractNumId").value()];
        for (pugi::xml_node lvl : abstract.children("w:lvl")) levels[lvl.attribute("w:ilvl").as_int()] = read_level(lvl);
    }
    // An abstractNum may take its levels from a numbering style (w:numStyleLink):
    // the abstractNum whose w:styleLink names that style.
    for (pugi::xml_node abstract : root.children("w:abstractNum")) {
        std::string link = abstract.child("w:numStyleLink").attribute("w:val").value();
        if (link.empty()) continue;
        for (pugi::xml_node other : root.children("w:abstractNum")) {
            if (link != other.child("w:styleLink").attribute("w:val").value()) continue;
            abstracts_[abstract.attribute("w:abstractNumId").value()] = abstracts_[other.attribute("w:abstractNumId").value()];
            break;
        }
    }
    for (pugi::xml_node num : root.children("w:num")) {
        Instance instance;
        instance.abstract_id = num.child("w:abstractNumId").attribute("w:val").value();
        for (pugi::xml_node o : num.children("w:lvlOverride")) {
            int ilvl = o.attribute("w:ilvl").as_int();
            if (pugi::xml_node lvl = o.child("w:lvl")) instance.overrides[ilvl] = read_level(lvl);
            if (pugi::xml_node start = o.child("w:startOverride")) {
                const bool whole_level = instance.overrides.count(ilvl) != 0;
                ListLevel& level = instance.overrides[ilvl];
                if (!whole_level) {
                    auto abstract = abstracts_.find(instance.abstract_id);
                    if (abstract != abstracts_.end() && abstract->second.count(ilvl)) level = abstract->second[ilvl];
                }
                level.start = start.attribute("w:val").as_int(1);
                instance.start_overridden[ilvl] = true;
            }
        }
        instances_[num.attribute("w:numId").value()] = std::move(instance);
    }
}

const ListLevel* Numbering::level(const std::string& num_id, int level) const
{
    auto instance = instances_.find(num_id);
    if (instance == instances_.end()) return nullptr;
    auto abstract = abstracts_.find(instance->second.abstract_id);
    // A level the definition leaves out (single-level lists indented further)
    // looks like the nearest level above it.
    for (int l = level; l >= 0; --l) {
        auto override = instance->second.overrides.find(l);
        if (override != instance->second.overrides.end()) return &override->second;
        if (abstract == abstracts_.end()) continue;
        auto found = abstract->second.find(l);
        if (found != abstract->second.end()) return &found->second;
    }
    return nullptr;
}

std::string Numbering::abstract_of(const std::string& num_id) const
{
    auto instance = instances_.find(num_id);
    return instance == instances_.end() ? "" : instance->second.abstract_id;
}

bool Numbering::overrides_start(const std::string& num_id, int level) const
{
    auto instance = instances_.find(num_id);
    return instance != instances_.end() && instance->second.start_overridden.count(level);
}

}  // namespace mimeo::docx
