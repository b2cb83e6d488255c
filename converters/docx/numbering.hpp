// word/numbering.xml: which numbered paragraphs are bullets or numbers, where
// each level starts, and which w:num instances restart their counting.
#pragma once

#include <pugixml.hpp>

#include <map>
#include <string>

namespace mimeo::docx {

struct ListLevel {
    bool bullet = true;  // numFmt "bullet" or "none"; anything else counts
    int start = 1;
    std::string style_id;  // w:pStyle: paragraphs of this style are numbered at this level
};

class Numbering {
public:
    Numbering() = default;
    explicit Numbering(pugi::xml_node numbering_root);

    // The level definition a w:num gives, with its overrides; null when undefined.
    const ListLevel* level(const std::string& num_id, int level) const;
    // The abstract definition a w:num is an instance of: instances share counters.
    std::string abstract_of(const std::string& num_id) const;
    // A start the w:num sets for `level` itself (w:lvlOverride/w:startOverride).
    bool overrides_start(const std::string& num_id, int level) const;

private:
    struct Instance {
        std::string abstract_id;
        std::map<int, ListLevel> overrides;  // whole levels, or just a start
        std::map<int, bool> start_overridden;
    };
    std::map<std::string, std::map<int, ListLevel>> abstracts_;
    std::map<std::string, Instance> instances_;
};

}  // namespace mimeo::docx
