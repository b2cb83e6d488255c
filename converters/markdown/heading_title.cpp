#include "markdown/heading_title.hpp"

#include <string_view>

#include "model/model.hpp"

namespace mimeo::markdown {

void title_from_heading(pugi::xml_node article, const std::string& file, int line, Diagnostics& diagnostics)
{
    if (!model::title(article).empty() || model::meta(article).child("title").first_child()) return;
    pugi::xml_node body = model::body(article);
    pugi::xml_node section = body.first_child();
    auto level_one = [](pugi::xml_node node) {
        return std::string_view(node.name()) == "section" && std::string_view(node.attribute("level").value()) == "1";
    };
    if (!level_one(section)) return;
    for (pugi::xml_node other = section.next_sibling(); other; other = other.next_sibling())
        if (level_one(other)) return;  // several parts of one level: none of them is the title
    pugi::xml_node heading = section.child("heading");
    pugi::xml_node title = model::meta_field(article, "title");
    title.remove_children();
    for (pugi::xml_node inline_node : heading.children()) title.append_copy(inline_node);
    section.remove_child(heading);
    while (pugi::xml_node child = section.first_child()) body.insert_move_before(child, section);
    body.remove_child(section);
    diagnostics.warn({file, line, 1}, "title-from-heading",
                     "no title given; the first heading, '" + model::title(article) +
                         "', is the title (-I title-from-heading=false keeps it a heading)");
}

}  // namespace mimeo::markdown
