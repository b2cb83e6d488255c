#include "model/link_policy.hpp"

#include "common/url.hpp"

namespace mimeo::model {

std::vector<std::string> unlink_refused(pugi::xml_node article)
{
    std::vector<pugi::xml_node> refused;
    for (pugi::xpath_node found : article.select_nodes(".//link"))
        if (!allowed_url(found.node().attribute("href").value(), true)) refused.push_back(found.node());
    std::vector<std::string> targets;
    // Innermost last in document order, so an outer link is unwrapped after the links inside it.
    for (auto it = refused.rbegin(); it != refused.rend(); ++it) {
        pugi::xml_node link = *it;
        targets.insert(targets.begin(), link.attribute("href").value());
        pugi::xml_node parent = link.parent();
        while (pugi::xml_node child = link.first_child()) parent.insert_move_before(child, link);
        parent.remove_child(link);
    }
    return targets;
}

}  // namespace mimeo::model
