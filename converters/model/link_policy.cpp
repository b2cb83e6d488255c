#include "model/link_policy.hpp"

#include <regex>
#include <set>
#include <string_view>

#include "common/url.hpp"
#include "model/model.hpp"

namespace mimeo::model {

namespace {

// Each link into its content, innermost first, so an outer link is unwrapped after those inside;
// returns their targets in document order.
std::vector<std::string> unwrap(const std::vector<pugi::xml_node>& links)
{
    std::vector<std::string> targets;
    for (auto it = links.rbegin(); it != links.rend(); ++it) {
        pugi::xml_node link = *it;
        targets.insert(targets.begin(), link.attribute("href").value());
        pugi::xml_node parent = link.parent();
        while (pugi::xml_node child = link.first_child()) parent.insert_move_before(child, link);
        parent.remove_child(link);
    }
    return targets;
}

}  // namespace

std::vector<std::string> unlink_refused(pugi::xml_node article)
{
    std::vector<pugi::xml_node> refused;
    for (pugi::xpath_node found : article.select_nodes(".//link"))
        if (!allowed_url(found.node().attribute("href").value(), true)) refused.push_back(found.node());
    return unwrap(refused);
}

std::vector<std::string> unlink_dangling(pugi::xml_node article)
{
    std::set<std::string> ids;
    std::vector<pugi::xml_node> fragment_links;
    static const std::regex raw_id(R"re(\b(?:id|name)\s*=\s*["']([^"']+)["'])re", std::regex::icase);
    // One walk (an XPath query costs more, on a long article).
    for (pugi::xml_node node = article.first_child(); node; node = next_in_tree(node, article)) {
        const std::string_view name = node.name();
        if (name == "link") {
            const std::string_view href = node.attribute("href").value();
            if (href.size() > 1 && href[0] == '#') fragment_links.push_back(node);
        } else if (name == "raw") {
            const std::string text = node.text().get();
            for (std::sregex_iterator it(text.begin(), text.end(), raw_id), end; it != end; ++it) ids.insert((*it)[1]);
        }
        if (const char* id = node.attribute("id").value(); *id) ids.insert(id);
    }
    std::vector<pugi::xml_node> dangling;
    for (pugi::xml_node link : fragment_links)
        if (!ids.count(link.attribute("href").value() + 1)) dangling.push_back(link);
    return unwrap(dangling);
}

std::vector<std::string> settle_site_links(pugi::xml_node article, std::string_view publication_url)
{
    std::string base = resolve_url(meta_text(article, "url"), publication_url);
    if (!is_absolute_url(base)) base.clear();
    std::vector<pugi::xml_node> unresolved;
    for (pugi::xpath_node found : article.select_nodes(".//link[starts-with(@href, '/')]")) {
        pugi::xml_attribute href = found.node().attribute("href");
        const std::string_view target = href.value();
        if (target.size() > 1 && target[1] == '/') continue;  // //host/path: the URL policy's to judge
        if (base.empty())
            unresolved.push_back(found.node());
        else
            href.set_value(resolve_url(target, base).c_str());
    }
    return unwrap(unresolved);
}

void warn_unlinked(const std::vector<std::string>& targets, const std::string& file, const char* code,
                   const std::string& why, Diagnostics& diagnostics)
{
    if (targets.empty()) return;
    std::string named;
    for (std::size_t i = 0; i < targets.size() && i < 5; ++i) named += (i ? ", '" : "'") + targets[i] + "'";
    if (targets.size() > 5) named += " and " + std::to_string(targets.size() - 5) + " more";
    diagnostics.warn({file, 0, 0}, code,
                     std::to_string(targets.size()) + (targets.size() == 1 ? " link" : " links") + " " + why +
                         " kept as text: " + named);
}

}  // namespace mimeo::model
