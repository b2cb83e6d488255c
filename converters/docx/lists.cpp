#include "docx/lists.hpp"

#include <algorithm>

namespace mimeo::docx {

pugi::xml_node ListBuilder::item_for(pugi::xml_node container, const std::string& num_id, int level)
{
    level = std::clamp(level, 0, levels - 1);
    const ListLevel* definition = numbering_.level(num_id, level);
    if (!definition) return {};

    // Counting, as Word shows the numbers.
    const std::string abstract = numbering_.abstract_of(num_id);
    auto& count = counters_.by_abstract.try_emplace(abstract).first->second;
    if (counters_.used.insert(num_id).second)
        for (int l = 0; l < levels; ++l)
            if (numbering_.overrides_start(num_id, l)) count[l] = 0;
    const int number = count[level] == 0 ? definition->start : count[level] + 1;
    count[level] = number;
    for (int l = level + 1; l < levels; ++l) count[l] = 0;

    // Nesting.
    while (!open_.empty() && open_.back().level > level) open_.pop_back();
    if (!open_.empty() && open_.back().level == level &&
        (open_.back().num_id != num_id || open_.back().bullet != definition->bullet))
        open_.pop_back();
    if (open_.empty() || open_.back().level < level) {
        pugi::xml_node parent = open_.empty() ? container : open_.back().item;
        pugi::xml_node list = parent.append_child("list");
        list.append_attribute("kind") = definition->bullet ? "bullet" : "ordered";
        if (!definition->bullet && number != 1) list.append_attribute("start") = number;
        list.append_attribute("tight") = "true";
        open_.push_back({level, num_id, definition->bullet, list, {}});
    }
    open_.back().item = open_.back().list.append_child("item");
    return open_.back().item;
}

pugi::xml_node ListBuilder::last_item() const { return open_.empty() ? pugi::xml_node() : open_.back().item; }

}  // namespace mimeo::docx
