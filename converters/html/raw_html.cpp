#include "html/raw_html.hpp"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>

#include "common/url.hpp"
#include "html/escape.hpp"

namespace mimeo::html {
namespace {

using Names = std::vector<std::string_view>;

bool contains(const Names& names, std::string_view name) { return std::find(names.begin(), names.end(), name) != names.end(); }

const Names void_elements = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"};

// Inert HTML elements whose content models readers and validators know.
const Names allowed_elements = {
    "a",      "abbr",   "address", "article", "aside",  "b",       "bdi",   "bdo",    "blockquote", "br",
    "caption", "cite",  "code",    "col",     "colgroup", "data",  "dd",    "del",    "details",    "dfn",
    "div",    "dl",     "dt",      "em",      "figcaption", "figure", "footer", "h1", "h2",         "h3",
    "h4",     "h5",     "h6",      "header",  "hr",     "i",       "img",   "ins",    "kbd",        "li",
    "mark",   "nav",    "ol",      "p",       "pre",    "q",       "rp",    "rt",     "ruby",       "s",
    "samp",   "section", "small",  "span",    "strong", "sub",     "summary", "sup",  "table",      "tbody",
    "td",     "tfoot",  "th",      "thead",   "time",   "tr",      "u",     "ul",     "var",        "wbr"};

// Elements that run code, load other documents or take input: dropped with everything inside.
const Names dropped_elements = {"script", "style",  "iframe",   "frame",  "frameset", "object", "embed",  "applet",
                                "noscript", "template", "base", "link", "meta",     "form",   "input",  "button",
                                "select", "textarea", "option", "optgroup", "datalist", "output", "keygen", "svg",
                                "audio",  "video",  "source",   "track",  "canvas",   "portal", "title",  "head"};

const Names global_attributes = {"id", "class", "title", "lang", "dir", "role"};

bool allowed_attribute(std::string_view element, std::string_view name)
{
    if (contains(global_attributes, name) || name.substr(0, 5) == "aria-") return true;
    static const std::array<std::pair<std::string_view, Names>, 14> by_element = {{
        {"a", {"href", "hreflang", "type"}},
        {"img", {"src", "alt", "width", "height"}},
        {"td", {"colspan", "rowspan", "headers"}},
        {"th", {"colspan", "rowspan", "headers", "scope", "abbr"}},
        {"ol", {"start", "reversed", "type"}},
        {"li", {"value"}},
        {"blockquote", {"cite"}},
        {"q", {"cite"}},
        {"del", {"cite", "datetime"}},
        {"ins", {"cite", "datetime"}},
        {"time", {"datetime"}},
        {"data", {"value"}},
        {"col", {"span"}},
        {"colgroup", {"span"}},
    }};
    for (const auto& [owner, names] : by_element)
        if (owner == element) return contains(names, name);
    return element == "details" && name == "open";
}

bool is_url_attribute(std::string_view name) { return name == "href" || name == "src" || name == "cite"; }

// Browsers ignore ASCII whitespace and control characters anywhere in a scheme ("java\tscript:").
bool dangerous_url(std::string_view value, bool image_source)
{
    const std::string squeezed = as_browser_reads(value, 11);
    auto starts = [&](std::string_view scheme) { return squeezed.compare(0, scheme.size(), scheme) == 0; };
    if (starts("javascript:") || starts("vbscript:")) return true;
    return starts("data:") && !(image_source && starts("data:image/"));
}

// An XML name of ASCII letters, digits and . - _ (':' handled by the caller).
bool xml_name(std::string_view name)
{
    if (name.empty()) return false;
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (!letter(name[0])) return false;
    return std::all_of(name.begin(), name.end(),
                       [&](char c) { return letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; });
}

// Text as XML may hold it: the C0 controls other than tab, newline and return left out.
void append_text(std::string_view text, std::string& out)
{
    std::string clean;
    clean.reserve(text.size());
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') continue;
        clean += c;
    }
    escape(clean, out);
}

std::string_view view(const xmlChar* s) { return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view(); }

class Writer {
public:
    explicit Writer(const RawHtmlOptions& options) : options_(options) {}

    void children(xmlNodePtr parent)
    {
        for (xmlNodePtr node = parent->children; node; node = node->next) write(node);
    }

    std::string take() { return std::move(out_); }

private:
    bool sanitizing() const { return options_.policy == RawHtml::sanitize; }

    void write(xmlNodePtr node)
    {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            append_text(view(node->content), out_);
            return;
        }
        if (node->type != XML_ELEMENT_NODE) return;  // comments, processing instructions
        const std::string_view name = view(node->name);
        if (sanitizing() && contains(dropped_elements, name)) return;
        const bool unwrap = sanitizing() ? !contains(allowed_elements, name) : !xml_name(name);
        if (unwrap) {
            children(node);
            return;
        }
        std::string attributes;
        for (xmlAttrPtr attribute = node->properties; attribute; attribute = attribute->next) {
            const std::string_view attribute_name = view(attribute->name);
            xmlChar* raw_value = xmlNodeListGetString(node->doc, attribute->children, 1);
            std::string value(view(raw_value));
            xmlFree(raw_value);
            if (!keep_attribute(name, attribute_name, value)) {
                if (name == "img" && attribute_name == "src") return;  // an image with no source is nothing
                continue;
            }
            attributes += " ";
            attributes += attribute_name;
            attributes += "=\"";
            append_text(value, attributes);
            attributes += "\"";
            // XHTML readers look at xml:lang; both must agree when both are present.
            if (attribute_name == "lang") {
                attributes += " xml:lang=\"";
                append_text(value, attributes);
                attributes += "\"";
            }
        }
        out_ += "<";
        out_ += name;
        out_ += attributes;
        if (contains(void_elements, name)) {
            out_ += " />";
            return;
        }
        out_ += ">";
        children(node);
        out_ += "</";
        out_ += name;
        out_ += ">";
    }

    // Decides, and rewrites `value` in place when the attribute is a URL.
    bool keep_attribute(std::string_view element, std::string_view name, std::string& value) const
    {
        if (name == "xml:lang") return false;  // written beside lang instead
        if (!xml_name(name)) return false;     // prefixed names would need namespaces the page lacks
        if (sanitizing()) {
            if (!allowed_attribute(element, name)) return false;
            if (is_url_attribute(name) && dangerous_url(value, element == "img" && name == "src")) return false;
        }
        if (name == "id" && options_.ids_seen && !options_.ids_seen->insert(value).second) return false;
        if ((name == "href" || name == "src") && options_.rewrite_url) {
            value = options_.rewrite_url(value, element == "img" && name == "src");
            if (value.empty()) return false;
        }
        return true;
    }

    const RawHtmlOptions& options_;
    std::string out_;
};

struct DocFree {
    void operator()(xmlDocPtr doc) const { xmlFreeDoc(doc); }
};

xmlNodePtr child_element(xmlNodePtr parent, std::string_view name)
{
    for (xmlNodePtr node = parent ? parent->children : nullptr; node; node = node->next)
        if (node->type == XML_ELEMENT_NODE && view(node->name) == name) return node;
    return nullptr;
}

}  // namespace

std::string raw_html_to_xhtml(std::string_view fragment, const RawHtmlOptions& options)
{
    // A whole page around the fragment, so that the parser never guesses an encoding or moves
    // the fragment's text into an implied <head>.
    std::string page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>";
    page += fragment;
    page += "</body></html>";
    if (page.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return {};
    std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(page.data(), static_cast<int>(page.size()), nullptr, "UTF-8",
                                                         HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
    if (!doc) return {};
    xmlNodePtr body = child_element(xmlDocGetRootElement(doc.get()), "body");
    if (!body) return {};
    Writer writer(options);
    writer.children(body);
    return writer.take();
}

bool unsafe_url(std::string_view url, bool image_source) { return dangerous_url(url, image_source); }

}  // namespace mimeo::html
