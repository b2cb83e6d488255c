#include "model/depth.hpp"

#include "common/diagnostics.hpp"
#include "model/model.hpp"

namespace mimeo::model {

void require_depth(pugi::xml_node root, const std::string& file)
{
    // Walked without recursion: the tree may be as deep as the input made it.
    int depth = 0;
    for (pugi::xml_node node = root.first_child(); node;) {
        if (node.type() == pugi::node_element && node.first_child()) {
            if (++depth > max_depth)
                throw Error({file, 0, 0}, "too-deep",
                            "its content nests more than " + std::to_string(max_depth) +
                                " levels deep (lists, quotes, sections, emphasis), more than mimeo keeps");
            node = node.first_child();
            continue;
        }
        while (node != root && !node.next_sibling()) {
            node = node.parent();
            --depth;
        }
        if (node == root) break;
        node = node.next_sibling();
    }
}

}  // namespace mimeo::model
