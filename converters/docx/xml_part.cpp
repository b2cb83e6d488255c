#include "docx/xml_part.hpp"

#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/diagnostics.hpp"

namespace mimeo::docx {
namespace {

// Deeper than any real document; keeps the recursive readers within the stack.
constexpr int max_depth = 200;

const std::unordered_map<std::string_view, std::string_view>& canonical_prefixes()
{
    static const std::unordered_map<std::string_view, std::string_view> map = {
        {"http://schemas.openxmlformats.org/wordprocessingml/2006/main", "w"},
        {"http://purl.oclc.org/ooxml/wordprocessingml/main", "w"},
        {"http://schemas.openxmlformats.org/officeDocument/2006/relationships", "r"},
        {"http://purl.oclc.org/ooxml/officeDocument/relationships", "r"},
        {"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", "wp"},
        {"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", "wp"},
        {"http://schemas.openxmlformats.org/drawingml/2006/main", "a"},
        {"http://purl.oclc.org/ooxml/drawingml/main", "a"},
        {"http://schemas.openxmlformats.org/drawingml/2006/picture", "pic"},
        {"http://purl.oclc.org/ooxml/drawingml/picture", "pic"},
        {"http://schemas.openxmlformats.org/drawingml/2006/chart", "c"},
        {"http://schemas.openxmlformats.org/drawingml/2006/diagram", "dgm"},
        {"http://schemas.openxmlformats.org/officeDocument/2006/math", "m"},
        {"http://purl.oclc.org/ooxml/officeDocument/math", "m"},
        {"http://schemas.openxmlformats.org/markup-compatibility/2006", "mc"},
        {"http://schemas.microsoft.com/office/word/2010/wordprocessingShape", "wps"},
        {"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup", "wpg"},
        {"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas", "wpc"},
        {"http://schemas.microsoft.com/office/word/2010/wordml", "w14"},
        {"http://schemas.microsoft.com/office/word/2012/wordml", "w15"},
        {"urn:schemas-microsoft-com:vml", "v"},
        {"urn:schemas-microsoft-com:office:office", "o"},
        {"http://schemas.openxmlformats.org/package/2006/relationships", "rel"},
        {"http://schemas.openxmlformats.org/package/2006/metadata/core-properties", "cp"},
        {"http://purl.org/dc/elements/1.1/", "dc"},
        {"http://purl.org/dc/terms/", "dcterms"},
        {"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "ep"},
        {"http://purl.oclc.org/ooxml/officeDocument/extendedProperties", "ep"},
    };
    return map;
}

bool is_canonical_prefix(std::string_view prefix)
{
    for (const auto& [uri, canonical] : canonical_prefixes())
        if (canonical == prefix) return true;
    return false;
}

// Prefix -> namespace URI, one frame per element that declares namespaces.
class Scope {
public:
    void push(pugi::xml_node element)
    {
        std::size_t mark = bindings_.size();
        for (pugi::xml_attribute a : element.attributes()) {
            std::string_view name = a.name();
            if (name == "xmlns") bindings_.emplace_back("", a.value());
            else if (name.substr(0, 6) == "xmlns:") bindings_.emplace_back(std::string(name.substr(6)), a.value());
        }
        marks_.push_back(mark);
    }
    void pop()
    {
        bindings_.resize(marks_.back());
        marks_.pop_back();
    }
    // The fixed prefix for `prefix` as bound here; unknown namespaces keep their
    // own prefix unless it would pass for one of the fixed ones.
    std::string canonical(std::string_view prefix) const
    {
        for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
            if (it->first != prefix) continue;
            auto known = canonical_prefixes().find(it->second);
            if (known != canonical_prefixes().end()) return std::string(known->second);
            break;
        }
        if (prefix.empty()) return "";
        if (is_canonical_prefix(prefix)) return std::string(prefix) + "_";
        return std::string(prefix);
    }

private:
    std::vector<std::pair<std::string, std::string>> bindings_;
    std::vector<std::size_t> marks_;
};

std::string rename(std::string_view qualified, const Scope& scope, bool is_attribute)
{
    const std::size_t colon = qualified.find(':');
    std::string_view prefix = colon == std::string_view::npos ? "" : qualified.substr(0, colon);
    std::string_view local = colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
    if (is_attribute && prefix.empty()) return std::string(qualified);  // unprefixed attributes have no namespace
    if (prefix == "xmlns" || prefix == "xml") return std::string(qualified);
    std::string fixed = scope.canonical(prefix);
    if (fixed.empty()) return std::string(local);
    return fixed + ":" + std::string(local);
}

// mc:Choice Requires="wps w14" names prefixes; they are rewritten like element names.
std::string rename_requires(std::string_view value, const Scope& scope)
{
    std::string out;
    std::size_t start = 0;
    while (start < value.size()) {
        std::size_t end = value.find(' ', start);
        if (end == std::string_view::npos) end = value.size();
        if (end > start) out += (out.empty() ? "" : " ") + scope.canonical(value.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// Iterative walk: renames elements and attributes to the fixed prefixes, checks depth.
void canonicalize(pugi::xml_node root, const std::string& file, const std::string& part)
{
    Scope scope;
    std::vector<pugi::xml_node> stack;
    pugi::xml_node node = root.first_child();
    while (node) {
        if (node.type() == pugi::node_element) {
            scope.push(node);
            std::string name = rename(node.name(), scope, false);
            if (name != node.name()) node.set_name(name.c_str());
            for (pugi::xml_attribute a : node.attributes()) {
                std::string attribute = rename(a.name(), scope, true);
                if (attribute != a.name()) a.set_name(attribute.c_str());
                if (attribute == "Requires" && name == "mc:Choice") a.set_value(rename_requires(a.value(), scope).c_str());
            }
            if (node.first_child()) {
                stack.push_back(node);
                if (stack.size() > max_depth)
                    throw Error({file, 0, 0}, "docx-too-deep",
                                part + ": elements are nested more than " + std::to_string(max_depth) + " deep");
                node = node.first_child();
                continue;
            }
            scope.pop();
        }
        while (!node.next_sibling() && !stack.empty()) {
            node = stack.back();
            stack.pop_back();
            scope.pop();
        }
        node = node.next_sibling();
    }
}

}  // namespace

void parse_part(const std::string& bytes, const std::string& file, const std::string& part, pugi::xml_document& out)
{
    // parse_doctype keeps a DOCTYPE as a node so that it can be refused; pugixml
    // never expands entities beyond the five predefined ones and character references.
    const unsigned options = pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata_single;
    pugi::xml_parse_result result = out.load_buffer(bytes.data(), bytes.size(), options);
    if (!result) {
        // The line of the error, counted in the part's own bytes.
        int line = 1;
        for (std::ptrdiff_t i = 0; i < result.offset && i < static_cast<std::ptrdiff_t>(bytes.size()); ++i)
            if (bytes[static_cast<std::size_t>(i)] == '\n') ++line;
        throw Error({file, 0, 0}, "docx-xml",
                    part + ":" + std::to_string(line) + ": not well-formed XML: " + result.description());
    }
    for (pugi::xml_node child : out.children())
        if (child.type() == pugi::node_doctype)
            throw Error({file, 0, 0}, "docx-dtd", part + ": has a DOCTYPE; DTDs and entity declarations are refused");
    canonicalize(out, file, part);
}

}  // namespace mimeo::docx
