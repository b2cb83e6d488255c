// Word numbers paragraphs; the model nests lists. ListBuilder turns a run of
// numbered paragraphs into nested <list>/<item> elements, with the start values
// Word would show: instances of one abstract numbering share their counters,
// and a w:startOverride restarts them.
#pragma once

#include <pugixml.hpp>

#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "docx/numbering.hpp"

namespace mimeo::docx {

// Numbers go on across the whole document, through notes and table cells.
struct ListCounters {
    std::map<std::string, std::array<int, 9>> by_abstract;  // 0: not started
    std::set<std::string> used;                              // w:num instances seen
};

class ListBuilder {
public:
    ListBuilder(const Numbering& numbering, ListCounters& counters) : numbering_(numbering), counters_(counters) {}

    // The new <item> a numbered paragraph goes in, opening and closing lists in
    // `container` as its level requires. Null when the numbering is undefined.
    pugi::xml_node item_for(pugi::xml_node container, const std::string& num_id, int level);
    // The innermost open item, for a paragraph that continues it; null when none is open.
    pugi::xml_node last_item() const;
    // Any block that is not part of a list ends the open lists (their counters go on).
    void close() { open_.clear(); }

private:
    struct OpenList {
        int level;
        std::string num_id;
        bool bullet;
        pugi::xml_node list, item;
    };
    static constexpr int levels = 9;
    const Numbering& numbering_;
    ListCounters& counters_;
    std::vector<OpenList> open_;
};

}  // namespace mimeo::docx
