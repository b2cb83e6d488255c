#include "jats/write_body.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "common/url.hpp"
#include "jats/vocabulary.hpp"
#include "model/model.hpp"

namespace mimeo::jats {
namespace {

using Names = std::initializer_list<std::string_view>;

bool among(std::string_view name, Names names) { return std::find(names.begin(), names.end(), name) != names.end(); }

// Where <sec> may stand; elsewhere a section travels inside <boxed-text>.
bool holds_sections(std::string_view parent)
{
    return among(parent, {"body", "sec", "boxed-text", "abstract", "trans-abstract"});
}

// Which block elements each JATS container of the 1.3 Archiving DTD accepts directly.
// What is not accepted is wrapped in a <p>, which accepts every display element.
bool accepts(std::string_view parent, std::string_view child)
{
    if (child == "p") return true;
    if (among(parent, {"fn", "def"})) return false;
    if (parent == "list-item") return among(child, {"list", "def-list"});
    if (among(parent, {"td", "th"})) return !among(child, {"fig", "sec", "boxed-text", "table-wrap"});
    if (parent == "disp-quote") return child != "sec";
    if (holds_sections(parent)) return true;
    return false;
}

// Containers whose content model needs at least one paragraph-level element.
bool needs_content(std::string_view parent) { return among(parent, {"fn", "def", "list-item"}); }

// Where <break/> is declared; elsewhere a line break is an empty <named-content>.
bool accepts_break(std::string_view parent)
{
    return among(parent, {"title", "article-title", "subtitle", "trans-title", "attrib", "td", "th", "italic",
                          "bold", "strike", "underline", "sup", "sub", "sc", "monospace"});
}

// PI content cannot hold "?>": '&' and that pair are escaped, and unescaped on import.
std::string pi_escape(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '&') out += "&amp;";
        else if (text[i] == '?' && i + 1 < text.size() && text[i + 1] == '>') {
            out += "?&gt;";
            ++i;
        } else out += text[i];
    }
    return out;
}

class Writer {
public:
    explicit Writer(BodyWriter& context) : context_(context) {}

    void blocks(pugi::xml_node container, pugi::xml_node parent)
    {
        pugi::xml_node continuation;  // an untitled <sec> for blocks that follow a section
        bool after_section = false;
        for (pugi::xml_node child : container.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name();
            if (name == "heading" || name == "attribution" || name == "title") continue;  // written by their owner
            pugi::xml_node target = parent;
            if (name == "section") {
                after_section = true;
                continuation = {};
            } else if (after_section && holds_sections(parent.name())) {
                // JATS puts every paragraph of a <sec> before its subsections.
                if (!continuation) continuation = parent.append_child("sec");
                target = continuation;
            }
            block(child, target);
        }
        const bool has_content = parent.find_child([](pugi::xml_node n) {
            return n.type() == pugi::node_element && !among(n.name(), {"label", "title"});
        });
        if (needs_content(parent.name()) && !has_content) parent.append_child("p");
    }

    void inlines(pugi::xml_node element, pugi::xml_node parent)
    {
        for (pugi::xml_node child : element.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                parent.append_child(pugi::node_pcdata).set_value(child.value());
                continue;
            }
            if (child.type() == pugi::node_element) inline_element(child, parent);
        }
    }

private:
    void block(pugi::xml_node node, pugi::xml_node parent)
    {
        pugi::xml_node made = make_block(node, parent);
        if (made.type() == pugi::node_element && !accepts(parent.name(), made.name())) {
            pugi::xml_node wrapper = parent.insert_child_before("p", made);
            wrapper.append_move(made);
        }
    }

    pugi::xml_node make_block(pugi::xml_node node, pugi::xml_node parent)
    {
        std::string_view name = node.name();
        if (name == "section") return section(node, parent);
        if (name == "p") {
            pugi::xml_node p = parent.append_child("p");
            inlines(node, p);
            return p;
        }
        if (name == "quote" || name == "epigraph") return quote(node, parent);
        if (name == "list") return list(node, parent);
        if (name == "deflist") return deflist(node, parent);
        if (name == "table") return table(node, parent);
        if (name == "figure") return figure(node, parent);
        if (name == "code-block") {
            pugi::xml_node pre = parent.append_child("preformat");
            pre.append_attribute("preformat-type") = code_preformat_type;
            if (const char* language = node.attribute("language").value(); *language)
                pre.append_attribute("specific-use") = language;
            pre.text().set(node.text().get());
            return pre;
        }
        if (name == "break") {
            pugi::xml_node p = parent.append_child("p");
            p.append_attribute("content-type") = thematic_break_type;
            return p;
        }
        if (name == "raw") return raw(node, parent);
        context_.diagnostics.warn(context_.where, "jats-skip", "unknown block <" + std::string(name) + "> left out");
        return {};
    }

    pugi::xml_node section(pugi::xml_node node, pugi::xml_node parent)
    {
        pugi::xml_node box;
        if (!holds_sections(parent.name())) {
            box = parent.append_child("boxed-text");
            parent = box;
        }
        pugi::xml_node sec = parent.append_child("sec");
        // The nesting is the structure (JATS4R): no disp-level.
        if (const char* id = node.attribute("id").value(); *id) sec.append_attribute("id") = id;
        if (const char* number = node.attribute("number").value(); *number) sec.append_child("label").text().set(number);
        inlines(node.child("heading"), sec.append_child("title"));
        blocks(node, sec);
        return box ? box : sec;
    }

    pugi::xml_node quote(pugi::xml_node node, pugi::xml_node parent)
    {
        pugi::xml_node quote = parent.append_child("disp-quote");
        if (std::string_view(node.name()) == "epigraph") quote.append_attribute("content-type") = epigraph_type;
        blocks(node, quote);
        if (pugi::xml_node attribution = node.child("attribution")) inlines(attribution, quote.append_child("attrib"));
        if (!quote.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; }))
            quote.append_child("p");
        return quote;
    }

    pugi::xml_node list(pugi::xml_node node, pugi::xml_node parent)
    {
        pugi::xml_node list = parent.append_child("list");
        const bool ordered = std::string_view(node.attribute("kind").value()) == "ordered";
        list.append_attribute("list-type") = ordered ? "order" : "bullet";
        if (pugi::xml_attribute tight = node.attribute("tight"))
            list.append_attribute("specific-use") = tight.as_bool() ? tight_list : loose_list;
        // JATS has no start number: an explicit start becomes a label on every item.
        pugi::xml_attribute start = node.attribute("start");
        long number = start.as_llong();
        for (pugi::xml_node item : node.children("item")) {
            pugi::xml_node li = list.append_child("list-item");
            if (pugi::xml_attribute checked = item.attribute("checked"))
                li.append_attribute("specific-use") = checked.as_bool() ? checked_item : unchecked_item;
            if (start) li.append_child("label").text().set((std::to_string(number++) + ".").c_str());
            blocks(item, li);
        }
        if (!list.child("list-item")) {
            // A list needs an item; an empty model list becomes one empty item.
            list.append_child("list-item").append_child("p");
            context_.diagnostics.warn(context_.where, "jats-empty", "an empty list is written with one empty item");
        }
        return list;
    }

    pugi::xml_node deflist(pugi::xml_node node, pugi::xml_node parent)
    {
        pugi::xml_node list = parent.append_child("def-list");
        pugi::xml_node item;
        for (pugi::xml_node child : node.children()) {
            if (std::string_view(child.name()) == "term") {
                item = list.append_child("def-item");
                inlines(child, item.append_child("term"));
            } else if (std::string_view(child.name()) == "definition" && item) {
                blocks(child, item.append_child("def"));
            }
        }
        return list;
    }

    void cell(pugi::xml_node cell, pugi::xml_node tr, const char* name)
    {
        pugi::xml_node out = tr.append_child(name);
        for (const char* attribute : {"align", "colspan", "rowspan"})
            if (pugi::xml_attribute a = cell.attribute(attribute)) out.append_attribute(attribute) = a.value();
        if (holds_blocks(cell)) blocks(cell, out);
        else inlines(cell, out);
    }

    static bool holds_blocks(pugi::xml_node cell)
    {
        for (pugi::xml_node child : cell.children()) {
            if (child.type() != pugi::node_element) continue;
            return among(child.name(), {"section", "p", "quote", "epigraph", "list", "deflist", "table", "figure",
                                        "code-block", "break"}) ||
                   (std::string_view(child.name()) == "raw" && !child.previous_sibling() && !child.next_sibling());
        }
        return false;
    }

    void rows(pugi::xml_node rows, pugi::xml_node group, const char* cell_name)
    {
        for (pugi::xml_node row : rows.children("row")) {
            pugi::xml_node tr = group.append_child("tr");
            for (pugi::xml_node c : row.children("cell")) cell(c, tr, cell_name);
            if (!tr.first_child()) tr.append_child(cell_name);
        }
    }

    pugi::xml_node table(pugi::xml_node node, pugi::xml_node parent)
    {
        pugi::xml_node wrap = parent.append_child("table-wrap");
        wrap.append_attribute("id") = id_of(node, "table").c_str();
        label_and_caption(node, wrap);
        pugi::xml_node table = wrap.append_child("table");
        for (pugi::xml_node column : node.children("column")) {
            pugi::xml_node col = table.append_child("col");
            if (pugi::xml_attribute align = column.attribute("align")) col.append_attribute("align") = align.value();
        }
        if (pugi::xml_node head = node.child("head")) rows(head, table.append_child("thead"), "th");
        pugi::xml_node tbody = table.append_child("tbody");
        rows(node.child("rows"), tbody, "td");
        if (!tbody.first_child()) {
            tbody.append_child("tr").append_child("td");
            context_.diagnostics.warn(context_.where, "jats-empty", "a table without rows is written with one empty row");
        }
        return wrap;
    }

    // <label>, then <caption> with the title and the caption's paragraph.
    void label_and_caption(pugi::xml_node node, pugi::xml_node out)
    {
        if (const char* label = node.attribute("label").value(); *label) out.append_child("label").text().set(label);
        pugi::xml_node title = node.child("title"), caption = node.child("caption");
        if (!title && !caption) return;
        pugi::xml_node jats_caption = out.append_child("caption");
        if (title) inlines(title, jats_caption.append_child("title"));
        if (caption) inlines(caption, jats_caption.append_child("p"));
    }

    void image_attributes(pugi::xml_node image, pugi::xml_node graphic)
    {
        graphic.append_attribute("xlink:href") = context_.image_href(image.attribute("src").value()).c_str();
        if (pugi::xml_attribute title = image.attribute("title")) graphic.append_attribute("xlink:title") = title.value();
        // JATS4R needs an alt-text on every graphic, and only warns when it repeats the caption.
        if (pugi::xml_attribute alt = image.attribute("alt")) graphic.append_child("alt-text").text().set(alt.value());
    }

    pugi::xml_node figure(pugi::xml_node node, pugi::xml_node parent)
    {
        pugi::xml_node fig = parent.append_child("fig");
        fig.append_attribute("id") = id_of(node, "fig").c_str();
        label_and_caption(node, fig);
        for (pugi::xml_node panel : node.children("image")) image_attributes(panel, fig.append_child("graphic"));
        return fig;
    }

    // The element's id (unless `own` is false), or a new one no element of the article has
    // (JATS4R wants one on every figure and table, for links to point at; PMC on every formula).
    std::string id_of(pugi::xml_node node, const char* prefix, bool own = true)
    {
        if (const char* id = node.attribute("id").value(); own && *id) return id;
        pugi::xml_node article = node;
        while (article.parent() && std::string_view(article.name()) != "article") article = article.parent();
        std::string id;
        do {
            id = std::string(prefix) + "-" + std::to_string(++context_.made_ids[prefix]);
        } while (article.find_node([&](pugi::xml_node n) { return id == n.attribute("id").value(); }));
        return id;
    }

    pugi::xml_node raw(pugi::xml_node node, pugi::xml_node parent)
    {
        const std::string format = node.attribute("format").value();
        ++context_.raw_count;
        pugi::xml_node pi = parent.append_child(pugi::node_pi);
        pi.set_name(raw_pi);
        pi.set_value((format + " " + pi_escape(node.text().get())).c_str());
        return pi;
    }

    // TeX and MathML side by side in <alternatives> when the model has both; a displayed
    // equation keeps its id and label.
    void formula(pugi::xml_node node, pugi::xml_node parent)
    {
        const bool display = std::string_view(node.attribute("display").value()) == "block" &&
                             std::string_view(parent.name()) == "p";
        pugi::xml_node f = parent.append_child(display ? "disp-formula" : "inline-formula");
        if (const char* id = node.attribute("id").value(); *id) f.append_attribute("id") = id;
        if (const char* label = node.attribute("label").value(); display && *label) f.append_child("label").text().set(label);
        const std::string tex = node.text().get();
        pugi::xml_node mathml = node.child("mml:math");
        pugi::xml_node holder = !tex.empty() && mathml ? f.append_child("alternatives") : f;
        // PMC wants an id on each, and the TeX as a whole document.
        if (!tex.empty() || !mathml) {
            pugi::xml_node out = holder.append_child("tex-math");
            out.append_attribute("id") = id_of(node, "tex", false).c_str();
            const char* dollars = display ? "$$" : "$";
            out.text().set((std::string(tex_document_start) + dollars + tex + dollars + tex_document_end).c_str());
        }
        if (mathml) {
            pugi::xml_node out = holder.append_copy(mathml);
            out.remove_attribute("xmlns:mml");  // the root declares it
            if (!out.attribute("id")) out.prepend_attribute("id") = id_of(node, "mml", false).c_str();
        }
    }

    void inline_element(pugi::xml_node node, pugi::xml_node parent)
    {
        std::string_view name = node.name();
        static const std::pair<std::string_view, const char*> styles[] = {
            {"em", "italic"}, {"strong", "bold"}, {"strike", "strike"}, {"underline", "underline"},
            {"sup", "sup"},   {"sub", "sub"},     {"smallcaps", "sc"}};
        for (const auto& [model_name, jats_name] : styles) {
            if (name == model_name) {
                inlines(node, parent.append_child(jats_name));
                return;
            }
        }
        if (name == "code") {
            parent.append_child("monospace").text().set(node.text().get());
        } else if (name == "math") {
            formula(node, parent);
        } else if (name == "q" || name == "span") {
            pugi::xml_node named = parent.append_child("named-content");
            named.append_attribute("content-type") = name == "q" ? quotation_type : span_type;
            if (pugi::xml_attribute lang = node.attribute("lang")) named.append_attribute("xml:lang") = lang.value();
            inlines(node, named);
        } else if (name == "link") {
            pugi::xml_node link = parent.append_child("ext-link");
            link.append_attribute("ext-link-type") = "uri";
            const std::string href = node.attribute("href").value();
            link.append_attribute("xlink:href") = href.c_str();
            if (pugi::xml_attribute title = node.attribute("title")) link.append_attribute("xlink:title") = title.value();
            // A link shown as its own address describes nothing (JATS4R): the title names its site.
            else if (const std::string text = model::text_of(node); text == href || is_absolute_url(text))
                link.append_attribute("xlink:title") = generated_link_title(href).c_str();
            inlines(node, link);
        } else if (name == "xref") {
            static const std::pair<std::string_view, const char*> types[] = {
                {"reference", "bibr"}, {"figure", "fig"}, {"table", "table"}, {"equation", "disp-formula"},
                {"section", "sec"},   {"other", "other"}};
            const std::string_view kind = node.attribute("kind").value();
            const auto type = std::find_if(std::begin(types), std::end(types), [&](const auto& t) { return t.first == kind; });
            pugi::xml_node xref = parent.append_child("xref");
            xref.append_attribute("ref-type") = type == std::end(types) ? "other" : type->second;
            xref.append_attribute("rid") = node.attribute("target").value();
            inlines(node, xref);
        } else if (name == "anchor") {
            parent.append_child("target").append_attribute("id") = node.attribute("id").value();
        } else if (name == "line-break") {
            if (accepts_break(parent.name())) {
                parent.append_child("break");
            } else {
                parent.append_child("named-content").append_attribute("content-type") = line_break_type;
            }
        } else if (name == "image") {
            image_attributes(node, parent.append_child("inline-graphic"));
        } else if (name == "note-ref") {
            const std::string id = node.attribute("note").value();
            pugi::xml_node xref = parent.append_child("xref");
            xref.append_attribute("ref-type") = "fn";
            xref.append_attribute("rid") = id.c_str();
            xref.text().set(context_.note_labels[id].c_str());
        } else if (name == "raw") {
            raw(node, parent);
        } else {
            context_.diagnostics.warn(context_.where, "jats-skip", "unknown inline <" + std::string(name) + "> left out");
        }
    }

    BodyWriter& context_;
};

}  // namespace

void write_blocks(pugi::xml_node container, pugi::xml_node parent, BodyWriter& writer)
{
    Writer(writer).blocks(container, parent);
}

void write_inlines(pugi::xml_node element, pugi::xml_node parent, BodyWriter& writer)
{
    Writer(writer).inlines(element, parent);
}

}  // namespace mimeo::jats
