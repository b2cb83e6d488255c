#include "model/xml_text.hpp"

#include <unicode/utf8.h>

#include <functional>

namespace mimeo::model {
namespace {

bool holdable(UChar32 c) { return c >= 0 && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != 0xFFFE && c != 0xFFFF; }

}  // namespace

std::size_t clean_text(std::string& text)
{
    const int32_t length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    int32_t first_bad = -1;
    // Most text needs nothing: find the first character to replace before copying anything.
    while (i < length) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        if (!holdable(c)) {
            first_bad = start;
            break;
        }
    }
    if (first_bad < 0) return 0;
    std::size_t replaced = 0;
    std::string out(text, 0, static_cast<std::size_t>(first_bad));
    out.reserve(text.size() + 8);
    for (i = first_bad; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        if (holdable(c)) {
            out.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
        } else {
            out += "\uFFFD";
            ++replaced;
        }
    }
    text = std::move(out);
    return replaced;
}

std::size_t clean_tree(pugi::xml_node root)
{
    std::size_t replaced = 0;
    auto clean = [&](auto item) {
        std::string value = item.value();
        if (const std::size_t n = clean_text(value)) {
            item.set_value(value.c_str());
            replaced += n;
        }
    };
    // pugixml walks the tree without recursion, so any depth is safe here.
    struct Walker : pugi::xml_tree_walker {
        std::function<void(pugi::xml_node)> visit;
        bool for_each(pugi::xml_node& node) override
        {
            visit(node);
            return true;
        }
    } walker;
    walker.visit = [&](pugi::xml_node node) {
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) clean(node);
        for (pugi::xml_attribute attribute : node.attributes()) clean(attribute);
    };
    for (pugi::xml_attribute attribute : root.attributes()) clean(attribute);
    root.traverse(walker);
    return replaced;
}

}  // namespace mimeo::model
