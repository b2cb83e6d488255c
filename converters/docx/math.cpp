#include "docx/math.hpp"

#include <string_view>
#include <unordered_map>

namespace mimeo::docx {
namespace {

std::string tex(pugi::xml_node node);

std::string children_tex(pugi::xml_node node)
{
    std::string out;
    for (pugi::xml_node child : node.children()) out += tex(child);
    return out;
}

std::string group(pugi::xml_node node) { return "{" + children_tex(node) + "}"; }

std::string property(pugi::xml_node node, const char* pr, const char* name, const char* fallback)
{
    pugi::xml_node p = node.child(pr).child(name);
    if (!p) return fallback;
    return p.attribute("m:val") ? p.attribute("m:val").value() : "";
}

// Operators and accents written as characters in OMML, with their TeX names.
std::string named(const std::string& c)
{
    static const std::unordered_map<std::string, std::string> names = {
        {"∑", "\\sum"},     {"∏", "\\prod"},   {"∫", "\\int"},     {"∬", "\\iint"},   {"∭", "\\iiint"},
        {"∮", "\\oint"},    {"⋃", "\\bigcup"}, {"⋂", "\\bigcap"}, {"∐", "\\coprod"},
    };
    auto found = names.find(c);
    return found == names.end() ? c : found->second;
}

std::string accent(const std::string& c)
{
    static const std::unordered_map<std::string, std::string> names = {
        {"\u0302", "\\hat"}, {"\u0303", "\\tilde"}, {"\u0307", "\\dot"},  {"\u0308", "\\ddot"},
        {"\u20D7", "\\vec"}, {"\u0304", "\\bar"},   {"\u0305", "\\bar"},  {"\u030C", "\\check"},
        {"\u0306", "\\breve"}, {"\u0301", "\\acute"}, {"\u0300", "\\grave"},
    };
    auto found = names.find(c);
    return found == names.end() ? "\\hat" : found->second;
}

std::string tex(pugi::xml_node node)
{
    if (node.type() != pugi::node_element) return "";
    std::string_view name = node.name();
    if (name == "m:t") return node.text().get();
    if (name == "m:r") return children_tex(node);
    if (name == "m:f") {
        const bool linear = property(node, "m:fPr", "m:type", "bar") == "lin";
        if (linear) return group(node.child("m:num")) + "/" + group(node.child("m:den"));
        return "\\frac" + group(node.child("m:num")) + group(node.child("m:den"));
    }
    if (name == "m:sSup") return group(node.child("m:e")) + "^" + group(node.child("m:sup"));
    if (name == "m:sSub") return group(node.child("m:e")) + "_" + group(node.child("m:sub"));
    if (name == "m:sSubSup")
        return group(node.child("m:e")) + "_" + group(node.child("m:sub")) + "^" + group(node.child("m:sup"));
    if (name == "m:sPre")
        return "{}_" + group(node.child("m:sub")) + "^" + group(node.child("m:sup")) + group(node.child("m:e"));
    if (name == "m:rad") {
        std::string degree = children_tex(node.child("m:deg"));
        return "\\sqrt" + (degree.empty() ? "" : "[" + degree + "]") + group(node.child("m:e"));
    }
    if (name == "m:nary") {
        std::string out = named(property(node, "m:naryPr", "m:chr", "∫"));
        if (node.child("m:sub").first_child()) out += "_" + group(node.child("m:sub"));
        if (node.child("m:sup").first_child()) out += "^" + group(node.child("m:sup"));
        return out + group(node.child("m:e"));
    }
    if (name == "m:d") {
        std::string open = property(node, "m:dPr", "m:begChr", "(");
        std::string close = property(node, "m:dPr", "m:endChr", ")");
        std::string separator = property(node, "m:dPr", "m:sepChr", "|");
        auto fence = [](const std::string& c) {
            if (c.empty()) return std::string(".");
            if (c == "{" || c == "}") return "\\" + c;
            return c;
        };
        std::string inner;
        bool first = true;
        for (pugi::xml_node e : node.children("m:e")) {
            if (!first) inner += separator;
            inner += children_tex(e);
            first = false;
        }
        return "\\left" + fence(open) + inner + "\\right" + fence(close);
    }
    if (name == "m:func") return children_tex(node.child("m:fName")) + group(node.child("m:e"));
    if (name == "m:acc") return accent(property(node, "m:accPr", "m:chr", "\u0302")) + group(node.child("m:e"));
    if (name == "m:bar") return "\\overline" + group(node.child("m:e"));
    if (name == "m:limLow") return group(node.child("m:e")) + "_" + group(node.child("m:lim"));
    if (name == "m:limUpp") return group(node.child("m:e")) + "^" + group(node.child("m:lim"));
    if (name == "m:m" || name == "m:eqArr") {
        std::string out = name == "m:m" ? "\\begin{matrix}" : "\\begin{aligned}";
        bool first_row = true;
        for (pugi::xml_node row : node.children()) {
            std::string_view row_name = row.name();
            if (row_name != "m:mr" && row_name != "m:e") continue;
            if (!first_row) out += " \\\\ ";
            first_row = false;
            if (row_name == "m:e") {
                out += children_tex(row);
                continue;
            }
            bool first_cell = true;
            for (pugi::xml_node cell : row.children("m:e")) {
                if (!first_cell) out += " & ";
                out += children_tex(cell);
                first_cell = false;
            }
        }
        return out + (name == "m:m" ? "\\end{matrix}" : "\\end{aligned}");
    }
    if (name.size() > 2 && name.substr(name.size() - 2) == "Pr") return "";  // properties, not content
    if (name == "w:rPr" || name == "m:ctrlPr") return "";
    return children_tex(node);
}

}  // namespace

std::string omml_to_tex(pugi::xml_node math) { return children_tex(math); }

}  // namespace mimeo::docx
