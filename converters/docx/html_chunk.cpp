#include "docx/html_chunk.hpp"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <vector>

#include "model/builders.hpp"

namespace mimeo::docx {
namespace {

using Names = std::vector<std::string_view>;

bool among(const Names& names, std::string_view name)
{
    for (std::string_view n : names)
        if (n == name) return true;
    return false;
}

const Names block_elements = {"p",  "div", "h1", "h2", "h3", "h4",  "h5",   "h6",      "ul",    "ol",   "li",
                              "blockquote", "pre", "table", "hr", "dl", "center", "section", "article", "header",
                              "footer", "address", "main", "aside", "nav", "figure", "form"};
// Not text: dropped with what they hold, and counted.
const Names dropped_elements = {"script", "style", "head", "title", "meta", "link", "object", "embed", "iframe",
                                "input", "select", "textarea", "button", "svg", "img", "video", "audio", "canvas"};

std::string_view name_of(xmlNodePtr node) { return reinterpret_cast<const char*>(node->name); }

std::string attribute(xmlNodePtr node, const char* name)
{
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!value) return {};
    std::string out = reinterpret_cast<const char*>(value);
    xmlFree(value);
    return out;
}

class Converter {
public:
    explicit Converter(std::map<std::string, int>& skipped) : skipped_(skipped) {}

    // The children of `parent` as blocks of `container`; loose inline content becomes paragraphs.
    void blocks(xmlNodePtr parent, pugi::xml_node container)
    {
        model::SectionNesting sections(container);
        pugi::xml_node paragraph;
        auto here = [&] { return sections.here(); };
        for (xmlNodePtr child = parent->children; child; child = child->next) {
            if (child->type == XML_TEXT_NODE || (child->type == XML_ELEMENT_NODE && !is_block(child))) {
                if (child->type == XML_ELEMENT_NODE && name_of(child) == "br" && !paragraph) continue;
                if (!paragraph) paragraph = here().append_child("p");
                inline_node(child, paragraph);
                continue;
            }
            if (paragraph) finish(paragraph);
            paragraph = {};
            if (child->type != XML_ELEMENT_NODE) continue;
            const std::string_view name = name_of(child);
            if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
                pugi::xml_node heading = sections.open(name[1] - '0');
                inlines(child, heading);
                finish(heading);
            } else {
                block(child, here());
            }
        }
        if (paragraph) finish(paragraph);
    }

private:
    bool is_block(xmlNodePtr node) const
    {
        const std::string_view name = name_of(node);
        return among(block_elements, name) || among(dropped_elements, name);
    }

    void block(xmlNodePtr node, pugi::xml_node container)
    {
        const std::string_view name = name_of(node);
        if (among(dropped_elements, name)) {
            ++skipped_["HTML " + std::string(name)];
        } else if (name == "ul" || name == "ol") {
            pugi::xml_node list = container.append_child("list");
            list.append_attribute("kind") = name == "ul" ? "bullet" : "ordered";
            for (xmlNodePtr item = node->children; item; item = item->next) {
                if (item->type != XML_ELEMENT_NODE) continue;
                if (name_of(item) == "li") blocks(item, list.append_child("item"));
                else blocks_in_new_item(item, list);
            }
            if (!list.first_child()) container.remove_child(list);
        } else if (name == "blockquote") {
            blocks(node, container.append_child("quote"));
        } else if (name == "pre") {
            pugi::xml_node code = container.append_child("code-block");
            code.text().set(text_of(node).c_str());
        } else if (name == "hr") {
            container.append_child("break");
        } else if (name == "table") {
            table(node, container);
        } else if (name == "dl") {
            deflist(node, container);
        } else {
            blocks(node, container);  // p, div, li and the other containers
        }
    }

    void blocks_in_new_item(xmlNodePtr node, pugi::xml_node list)
    {
        pugi::xml_node item = list.append_child("item");
        pugi::xml_node holder = item.append_child("p");
        inline_node(node, holder);
        finish(holder);
    }

    void table(xmlNodePtr node, pugi::xml_node container)
    {
        model::TableWriter table(container);
        std::vector<xmlNodePtr> found;
        collect_rows(node, found);
        for (xmlNodePtr tr : found) {
            pugi::xml_node row = table.row(false);
            for (xmlNodePtr td = tr->children; td; td = td->next) {
                if (td->type != XML_ELEMENT_NODE || (name_of(td) != "td" && name_of(td) != "th")) continue;
                pugi::xml_node cell = model::TableWriter::cell(row, span(td, "colspan"), span(td, "rowspan"));
                blocks(td, cell);
                // A cell of one paragraph holds its inlines, as the model's other importers write it.
                if (pugi::xml_node only = cell.child("p"); only && !only.next_sibling() && !only.previous_sibling()) {
                    for (pugi::xml_node inl = only.first_child(); inl; inl = only.first_child()) cell.append_move(inl);
                    cell.remove_child(only);
                }
            }
        }
    }

    // A colspan or rowspan as a number, clamped as HTML clamps it (1000 columns, 65534 rows);
    // 1 for anything that is not one.
    static int span(xmlNodePtr cell, const char* name)
    {
        const std::string value = attribute(cell, name);
        if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos) return 1;
        const int most = std::string_view(name) == "colspan" ? 1000 : 65534;
        return value.size() > 5 ? most : std::clamp(std::stoi(value), 1, most);
    }

    void collect_rows(xmlNodePtr node, std::vector<xmlNodePtr>& out)
    {
        for (xmlNodePtr child = node->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE) continue;
            if (name_of(child) == "tr") out.push_back(child);
            else if (name_of(child) == "thead" || name_of(child) == "tbody" || name_of(child) == "tfoot") collect_rows(child, out);
        }
    }

    void deflist(xmlNodePtr node, pugi::xml_node container)
    {
        pugi::xml_node list = container.append_child("deflist");
        bool open_term = false;
        for (xmlNodePtr child = node->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE) continue;
            if (name_of(child) == "dt") {
                pugi::xml_node term = list.append_child("term");
                inlines(child, term);
                finish(term);
                open_term = true;
            } else if (name_of(child) == "dd") {
                if (!open_term) list.append_child("term");
                blocks(child, list.append_child("definition"));
            }
        }
        if (!list.first_child()) container.remove_child(list);
    }

    void inlines(xmlNodePtr parent, pugi::xml_node target)
    {
        for (xmlNodePtr child = parent->children; child; child = child->next) inline_node(child, target);
    }

    void inline_node(xmlNodePtr node, pugi::xml_node target)
    {
        if (node->type == XML_TEXT_NODE) {
            append_text(target, reinterpret_cast<const char*>(node->content));
            return;
        }
        if (node->type != XML_ELEMENT_NODE) return;
        const std::string_view name = name_of(node);
        static const std::vector<std::pair<Names, const char*>> wrappers = {
            {{"b", "strong"}, "strong"}, {{"i", "em", "cite", "dfn", "var"}, "em"}, {{"u", "ins"}, "underline"},
            {{"s", "strike", "del"}, "strike"}, {{"sub"}, "sub"}, {{"sup"}, "sup"}, {{"q"}, "q"}};
        for (const auto& [names, model_name] : wrappers) {
            if (among(names, name)) {
                inlines(node, target.append_child(model_name));
                return;
            }
        }
        if (name == "code" || name == "tt" || name == "kbd" || name == "samp") {
            target.append_child("code").text().set(text_of(node).c_str());
        } else if (name == "br") {
            target.append_child("line-break");
        } else if (name == "a" && !attribute(node, "href").empty()) {
            pugi::xml_node link = target.append_child("link");
            link.append_attribute("href") = attribute(node, "href").c_str();
            inlines(node, link);
        } else if (among(dropped_elements, name)) {
            ++skipped_["HTML " + std::string(name)];
        } else if (is_block(node)) {
            // A block inside inline content (a list in a table cell's text): its text, kept in line.
            append_text(target, " ");
            inlines(node, target);
        } else {
            inlines(node, target);  // span, font, a without href, o:p ...: their content
        }
    }

    // HTML collapses runs of white space into one space.
    static void append_text(pugi::xml_node target, std::string_view text)
    {
        std::string collapsed;
        for (char c : text) {
            const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
            if (space && !collapsed.empty() && collapsed.back() == ' ') continue;
            collapsed += space ? ' ' : c;
        }
        if (collapsed.empty()) return;
        pugi::xml_node last = target.last_child();
        if (last.type() == pugi::node_pcdata) {
            std::string joined = last.value();
            if (!joined.empty() && joined.back() == ' ' && collapsed.front() == ' ') collapsed.erase(0, 1);
            last.set_value((joined + collapsed).c_str());
        } else {
            target.append_child(pugi::node_pcdata).set_value(collapsed.c_str());
        }
    }

    static std::string text_of(xmlNodePtr node)
    {
        xmlChar* content = xmlNodeGetContent(node);
        std::string out = content ? reinterpret_cast<const char*>(content) : "";
        xmlFree(content);
        return out;
    }

    // Trims a paragraph's outer spaces; drops it when nothing is left.
    static void finish(pugi::xml_node element)
    {
        if (pugi::xml_node first = element.first_child(); first.type() == pugi::node_pcdata) {
            std::string text = first.value();
            text.erase(0, text.find_first_not_of(' '));
            first.set_value(text.c_str());
        }
        if (pugi::xml_node last = element.last_child(); last.type() == pugi::node_pcdata) {
            std::string text = last.value();
            text.erase(text.find_last_not_of(' ') + 1);
            last.set_value(text.c_str());
        }
        for (pugi::xml_node child = element.first_child(); child;) {
            pugi::xml_node next = child.next_sibling();
            if (child.type() == pugi::node_pcdata && !*child.value()) element.remove_child(child);
            child = next;
        }
        const std::string_view name = element.name();
        if ((name == "p") && !element.first_child()) element.parent().remove_child(element);
    }

    std::map<std::string, int>& skipped_;
};

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

struct ContextFree {
    void operator()(htmlParserCtxt* context) const { htmlFreeParserCtxt(context); }
};

}  // namespace

void html_chunk_to_model(std::string_view html, pugi::xml_node container, ChunkLosses& losses)
{
    if (html.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return;
    std::unique_ptr<htmlParserCtxt, ContextFree> context(htmlNewParserCtxt());
    if (!context) return;
    // Word writes the chunk's charset in a <meta>; UTF-8 is the fallback when it says none.
    std::unique_ptr<xmlDoc, DocFree> doc(htmlCtxtReadMemory(context.get(), html.data(), static_cast<int>(html.size()),
                                                            nullptr, nullptr,
                                                            HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
    // Malformed HTML is mended quietly, as browsers do; only nesting past the parser's depth
    // limit loses text, and that is said.
    if (const xmlError* error = xmlCtxtGetLastError(context.get());
        error && error->message && std::string_view(error->message).find("Excessive depth") != std::string_view::npos)
        ++losses.too_deep;
    if (!doc) return;
    xmlNodePtr root = xmlDocGetRootElement(doc.get());
    xmlNodePtr body = nullptr;
    for (xmlNodePtr child = root ? root->children : nullptr; child; child = child->next)
        if (child->type == XML_ELEMENT_NODE && name_of(child) == "body") body = child;
    Converter(losses.skipped).blocks(body ? body : root, container);
}

}  // namespace mimeo::docx
