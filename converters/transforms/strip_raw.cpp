// strip-raw: drops raw content (<raw format="html">, block or inline), which only
// one output format understands, warning once for each element dropped.
#include <algorithm>

#include "model/model.hpp"
#include "transforms/builtin.hpp"

namespace mimeo::transforms {
namespace {

// The first few characters of the dropped content, so the warning can be traced back.
std::string excerpt(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (out.size() >= 40 && (static_cast<unsigned char>(c) & 0xC0) != 0x80) return out + "...";
        out += (c == '\n' || c == '\t') ? ' ' : c;
    }
    return out;
}

void collect(pugi::xml_node node, std::vector<pugi::xml_node>& found)
{
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (std::string_view(child.name()) == "raw") found.push_back(child);
        else collect(child, found);
    }
}

void apply(pugi::xml_node article, const Settings& settings, const std::string& source_file, Diagnostics& diagnostics)
{
    const std::vector<std::string> keep = settings.options.get_list("keep");
    std::vector<pugi::xml_node> found;
    collect(article, found);
    for (pugi::xml_node raw : found) {
        const std::string format = raw.attribute("format").value();
        if (std::find(keep.begin(), keep.end(), format) != keep.end()) continue;
        // A raw element is a block when its parent holds blocks; in a paragraph it is inline.
        const std::string_view parent = raw.parent().name();
        const bool block = parent == "body" || parent == "section" || parent == "quote" || parent == "item" ||
                           parent == "definition" || parent == "note" || parent == "epigraph";
        diagnostics.warn({source_file, 0, 0}, "strip-raw",
                         "dropped raw " + format + (block ? " block" : " inline") + " in '" + model::slug(article) +
                             "': " + excerpt(raw.text().get()));
        raw.parent().remove_child(raw);
    }
}

}  // namespace

Transform strip_raw()
{
    return {"strip-raw",
            "drops raw content meant for one output format, with a warning for each",
            {{"keep", OptionType::string_list, "", "raw formats to keep, such as [html]"}},
            nullptr,
            apply};
}

}  // namespace mimeo::transforms
