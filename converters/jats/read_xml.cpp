#include "jats/read_xml.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <optional>
#include <set>

#include "jats/vocabulary.hpp"
#include "model/model.hpp"

namespace mimeo::jats {
namespace {

const char* prefix_for(const xmlNs* ns)
{
    if (!ns || !ns->href) return nullptr;
    const std::string_view href = reinterpret_cast<const char*>(ns->href);
    if (href == xlink_ns) return "xlink";
    if (href == model::mathml_namespace) return "mml";
    if (href == ali_ns) return "ali";
    if (href == "http://www.w3.org/XML/1998/namespace") return "xml";
    return ns->prefix ? reinterpret_cast<const char*>(ns->prefix) : nullptr;
}

std::string qualified(const xmlNs* ns, const xmlChar* name)
{
    const char* prefix = prefix_for(ns);
    std::string local = reinterpret_cast<const char*>(name);
    return prefix ? std::string(prefix) + ":" + local : local;
}

std::string utf8(unsigned int codepoint)
{
    xmlChar buffer[8] = {};
    int length = xmlCopyCharMultiByte(buffer, static_cast<int>(codepoint));
    return std::string(reinterpret_cast<const char*>(buffer), length > 0 ? length : 0);
}

class Converter {
public:
    Converter(JatsTree& tree, xmlDocPtr doc, std::size_t budget, Diagnostics& diagnostics)
        : tree_(tree), doc_(doc), budget_(budget), diagnostics_(diagnostics)
    {
    }

    void children(xmlNodePtr first, pugi::xml_node parent, int line)
    {
        for (xmlNodePtr node = first; node; node = node->next) convert(node, parent, line);
    }

private:
    void spend(std::size_t amount, int line)
    {
        if (amount > budget_)
            throw Error({tree_.file, line, 0}, "jats-entity", "entity expansion makes the document too large");
        budget_ -= amount;
    }

    void text(pugi::xml_node parent, std::string_view value, int line)
    {
        spend(value.size() + 1, line);
        parent.append_child(pugi::node_pcdata).set_value(std::string(value).c_str());
    }

    void convert(xmlNodePtr node, pugi::xml_node parent, int line)
    {
        if (node->type != XML_ENTITY_DECL && node->type != XML_DTD_NODE) {
            long own = xmlGetLineNo(node);
            if (own > 0) line = static_cast<int>(own);
        }
        switch (node->type) {
        case XML_ELEMENT_NODE: {
            spend(64, line);
            pugi::xml_node element = parent.append_child(qualified(node->ns, node->name).c_str());
            tree_.lines[element.internal_object()] = line;
            for (xmlAttrPtr a = node->properties; a; a = a->next) {
                xmlChar* value = xmlNodeListGetString(doc_, a->children, 1);
                std::string v = value ? reinterpret_cast<const char*>(value) : "";
                xmlFree(value);
                spend(v.size() + 16, line);
                element.append_attribute(qualified(a->ns, a->name).c_str()) = v.c_str();
            }
            children(node->children, element, line);
            break;
        }
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            if (node->content) text(parent, reinterpret_cast<const char*>(node->content), line);
            break;
        case XML_PI_NODE:
            if (std::string_view(reinterpret_cast<const char*>(node->name)) == raw_pi) {
                pugi::xml_node pi = parent.append_child(pugi::node_pi);
                pi.set_name(raw_pi);
                std::string value = node->content ? reinterpret_cast<const char*>(node->content) : "";
                spend(value.size(), line);
                pi.set_value(value.c_str());
            }
            break;
        case XML_ENTITY_REF_NODE:
            entity(node, parent, line);
            break;
        default:
            break;  // comments, other processing instructions
        }
    }

    // Entities are never loaded from outside: internal ones are expanded from their
    // parsed content, names of the HTML/ISO sets are looked up, others are kept as written.
    void entity(xmlNodePtr node, pugi::xml_node parent, int line)
    {
        const char* name = reinterpret_cast<const char*>(node->name);
        xmlEntityPtr entity = xmlGetDocEntity(doc_, node->name);
        if (entity && entity->etype == XML_INTERNAL_PREDEFINED_ENTITY) {
            text(parent, reinterpret_cast<const char*>(entity->content), line);
        } else if (entity && entity->etype == XML_INTERNAL_GENERAL_ENTITY) {
            if (++depth_ > 16) throw Error({tree_.file, line, 0}, "jats-entity", "entities nested too deeply");
            if (entity->children) children(entity->children, parent, line);
            else if (entity->content) text(parent, reinterpret_cast<const char*>(entity->content), line);
            --depth_;
        } else if (const htmlEntityDesc* known = htmlEntityLookup(node->name)) {
            text(parent, utf8(known->value), line);
        } else {
            if (warned_.insert(name).second) {
                const char* why = entity ? "is external and is not loaded" : "is not defined";
                diagnostics_.warn({tree_.file, line, 0}, "jats-entity",
                                  "entity &" + std::string(name) + "; " + why + "; kept as written");
            }
            text(parent, "&" + std::string(name) + ";", line);
        }
    }

    JatsTree& tree_;
    xmlDocPtr doc_;
    std::size_t budget_;
    int depth_ = 0;
    std::set<std::string> warned_;
    Diagnostics& diagnostics_;
};

struct FirstError {
    std::string file;
    std::optional<Diagnostic> error;
};

void keep_first_error(void* context, xmlErrorPtr error)
{
    auto* first = static_cast<FirstError*>(context);
    if (error->level < XML_ERR_ERROR || first->error) return;
    std::string message = error->message ? error->message : "not well-formed";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    first->error = Diagnostic{Severity::error, "xml", {first->file, error->line, error->int2}, message};
}

// Nothing libxml2's path exists for: no internal DTD subset, no entity reference but XML's
// own five and numeric ones, a UTF-8 declaration if any, and the namespaces mimeo names
// (MathML, XLink, ALI) declared under those very prefixes. Anything it is unsure of is
// left to libxml2.
bool plain_xml(const std::string& text)
{
    if (const auto doctype = text.find("<!DOCTYPE"); doctype != std::string::npos) {
        const auto close = text.find('>', doctype);
        if (close == std::string::npos || text.find('[', doctype) < close) return false;
    }
    if (text.rfind("<?xml", 0) == 0) {
        const std::string declaration = text.substr(0, text.find("?>"));
        const auto encoding = declaration.find("encoding");
        if (encoding != std::string::npos) {
            std::string name = declaration.substr(encoding + 8, 16);
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
            if (name.find("utf-8") == std::string::npos) return false;
        }
    }
    // Characters XML does not allow, raw or referred to, are for libxml2 to refuse.
    auto allowed = [](unsigned long c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
               (c >= 0x10000 && c <= 0x10FFFF);
    };
    for (unsigned char c : text)
        if (c < 0x20 && !allowed(c)) return false;
    for (auto amp = text.find('&'); amp != std::string::npos; amp = text.find('&', amp + 1)) {
        const auto semicolon = text.find(';', amp);
        if (semicolon == std::string::npos) return false;
        const std::string name = text.substr(amp + 1, semicolon - amp - 1);
        if (name.size() > 1 && name[0] == '#') {
            const bool hex = name[1] == 'x';
            char* end = nullptr;
            const unsigned long code = std::strtoul(name.c_str() + (hex ? 2 : 1), &end, hex ? 16 : 10);
            if (*end || !allowed(code)) return false;
        } else if (name != "lt" && name != "gt" && name != "amp" && name != "apos" && name != "quot") {
            return false;
        }
    }
    // Each namespace declaration: its prefix and its URI.
    const std::pair<std::string_view, const char*> named[] = {{"mml", model::mathml_namespace}, {"xlink", xlink_ns}, {"ali", ali_ns}};
    for (auto at = text.find("xmlns"); at != std::string::npos; at = text.find("xmlns", at + 5)) {
        std::size_t i = at + 5;
        std::string_view prefix;
        if (i < text.size() && text[i] == ':') {
            const std::size_t start = ++i;
            while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' || text[i] == '-' || text[i] == '.')) ++i;
            prefix = std::string_view(text).substr(start, i - start);
        }
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i >= text.size() || text[i] != '=') continue;
        ++i;
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) continue;
        const auto close = text.find(text[i], i + 1);
        if (close == std::string::npos) return false;
        const std::string_view uri = std::string_view(text).substr(i + 1, close - i - 1);
        for (const auto& [usual, known] : named)
            if (uri == known && prefix != usual) return false;
    }
    return true;
}

// The plain file, read by pugixml as libxml2's path would have made it: text nodes of white
// space kept, CDATA as text, comments and other processing instructions left out. False
// when pugixml cannot read it, or it nests deeper than libxml2 allows or repeats an
// attribute, which pugixml lets pass: libxml2 then says what is wrong, and where.
bool read_plain(const std::string& text, JatsTree& out)
{
    const unsigned options = (pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_pi) & ~pugi::parse_comments;
    if (!out.doc.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8)) {
        out.doc.reset();
        return false;
    }
    std::vector<pugi::xml_node> drop;
    std::vector<std::pair<pugi::xml_node, int>> stack = {{out.doc, 0}};
    while (!stack.empty()) {
        auto [node, depth] = stack.back();
        stack.pop_back();
        // libxml2 refuses an element naming an attribute twice, as XML does; pugixml not.
        bool repeated = false;
        for (pugi::xml_attribute a = node.first_attribute(); a && !repeated; a = a.next_attribute())
            for (pugi::xml_attribute b = a.next_attribute(); b && !repeated; b = b.next_attribute())
                repeated = std::string_view(a.name()) == b.name();
        if (depth > 256 || repeated) {
            out.doc.reset();
            return false;
        }
        for (pugi::xml_node child : node.children()) {
            if (child.type() == pugi::node_element) stack.emplace_back(child, depth + 1);
            else if (child.type() == pugi::node_cdata || (child.type() == pugi::node_pi && std::string_view(child.name()) != raw_pi))
                drop.push_back(child);
        }
    }
    for (pugi::xml_node node : drop) {
        if (node.type() == pugi::node_cdata)
            node.parent().insert_child_before(pugi::node_pcdata, node).set_value(node.value());
        node.parent().remove_child(node);
    }
    out.line_starts = {0};
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') out.line_starts.push_back(i + 1);
    return true;
}

}  // namespace

Location JatsTree::where(pugi::xml_node node) const
{
    if (!line_starts.empty()) {
        const std::ptrdiff_t offset = node.offset_debug();
        if (offset < 0) return {file, 0, 0};
        const auto after = std::upper_bound(line_starts.begin(), line_starts.end(), static_cast<std::size_t>(offset));
        return {file, static_cast<int>(after - line_starts.begin()), 0};
    }
    auto found = lines.find(node.internal_object());
    return {file, found == lines.end() ? 0 : found->second, 0};
}

void parse_jats(const std::string& text, JatsTree& out, Diagnostics& diagnostics)
{
    if (plain_xml(text) && read_plain(text, out)) return;
    FirstError first{out.file, std::nullopt};
    xmlSetStructuredErrorFunc(&first, keep_first_error);
    // No XML_PARSE_NOENT, DTDLOAD or DTDVALID: nothing outside the file is read, and
    // libxml2's own limits (depth, text size, entity amplification) stay on.
    xmlDocPtr doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), out.file.c_str(), nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> owned(doc, xmlFreeDoc);
    if (!doc) {
        if (first.error) throw Error(first.error->where, "xml", first.error->message);
        throw Error({out.file, 0, 0}, "xml", "not well-formed XML");
    }
    Converter(out, doc, 4 * text.size() + (1u << 20), diagnostics).children(doc->children, out.doc, 1);
}

}  // namespace mimeo::jats
