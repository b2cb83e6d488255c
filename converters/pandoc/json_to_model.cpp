#include "pandoc/json_to_model.hpp"

#include <algorithm>
#include <string_view>

#include "common/standard_forms.hpp"
#include "model/attribution.hpp"
#include "model/builders.hpp"
#include "model/model.hpp"
#include "model/references.hpp"

namespace mimeo::pandoc {
namespace {

const json& no_content()
{
    static const json empty = json::array();
    return empty;
}

const std::string& type_of(const json& node) { return node.at("t").get_ref<const std::string&>(); }

// A node's "c", or an empty array for the types that have none (Space, HorizontalRule, ...).
const json& content_of(const json& node)
{
    auto it = node.find("c");
    return it == node.end() ? no_content() : *it;
}

const std::string& text_at(const json& node) { return node.get_ref<const std::string&>(); }

// pandoc's Attr: [id, [classes], [[key, value]]].
struct Attr {
    std::string id;
    std::vector<std::string> classes;
    std::vector<std::pair<std::string, std::string>> pairs;

    std::string get(std::string_view key) const
    {
        for (const auto& [k, v] : pairs)
            if (k == key) return v;
        return "";
    }
    bool has_class(std::string_view name) const
    {
        return std::find(classes.begin(), classes.end(), name) != classes.end();
    }
};

Attr attr_of(const json& attr)
{
    Attr result;
    result.id = text_at(attr.at(0));
    for (const auto& c : attr.at(1)) result.classes.push_back(text_at(c));
    for (const auto& kv : attr.at(2)) result.pairs.emplace_back(text_at(kv.at(0)), text_at(kv.at(1)));
    return result;
}

const char* alignment(const json& align)
{
    const std::string& t = type_of(align);
    if (t == "AlignLeft") return "left";
    if (t == "AlignRight") return "right";
    if (t == "AlignCenter") return "center";
    return nullptr;
}

bool is_blank(const json& inline_node)
{
    const std::string& t = type_of(inline_node);
    return t == "Space" || t == "SoftBreak";
}

// The one Image of a paragraph that holds nothing else, or null.
const json* only_image(const json& inlines)
{
    const json* image = nullptr;
    for (const auto& node : inlines) {
        if (is_blank(node)) continue;
        if (type_of(node) != "Image" || image) return nullptr;
        image = &node;
    }
    return image;
}

bool is_paragraph(const json& block)
{
    const std::string& t = type_of(block);
    return t == "Para" || t == "Plain";
}

void append_text(std::string& out, const json& inlines);

void append_inline_text(std::string& out, const json& node)
{
    const std::string& t = type_of(node);
    const json& c = content_of(node);
    if (t == "Str") out += text_at(c);
    else if (t == "Space") out += ' ';
    else if (t == "SoftBreak" || t == "LineBreak") out += ' ';
    else if (t == "Code" || t == "Math" || t == "RawInline") { if (t != "RawInline") out += text_at(c.at(1)); }
    else if (t == "Quoted") {
        const bool single = type_of(c.at(0)) == "SingleQuote";
        out += single ? "\u2018" : "\u201C";
        append_text(out, c.at(1));
        out += single ? "\u2019" : "\u201D";
    }
    else if (t == "Link" || t == "Image" || t == "Span") append_text(out, c.at(1));
    else if (t == "Cite") append_text(out, c.at(1));
    else if (t == "Note") return;
    else if (c.is_array()) append_text(out, c);  // Emph, Strong and the other wrappers
}

void append_text(std::string& out, const json& inlines)
{
    for (const auto& node : inlines) append_inline_text(out, node);
}

}  // namespace

std::string plain_text(const json& inlines)
{
    std::string out;
    append_text(out, inlines);
    return out;
}

// A run of inline content: text is gathered into one text node, as a reader of the XML expects.
struct TreeMapper::Run {
    pugi::xml_node container;
    std::string pending;

    void text(std::string_view s) { pending += s; }
    void flush()
    {
        if (pending.empty()) return;
        container.append_child(pugi::node_pcdata).set_value(pending.c_str());
        pending.clear();
    }
    pugi::xml_node element(const char* name)
    {
        flush();
        return container.append_child(name);
    }
};

void TreeMapper::body(const json& list) { blocks(list, model::body(article_), ""); }

void TreeMapper::inlines(const json& list, pugi::xml_node container) { inlines_in(list, container, ""); }

void TreeMapper::report(const std::string& file, Diagnostics& diagnostics) const
{
    for (const auto& [what, count] : losses_)
        diagnostics.warn({file, 0, 0}, "pandoc-drop", std::to_string(count) + " " + what);
}

// Divs are unwrapped first, so that the headings inside them open sections like any other; a
// Div's id goes with its first block, as an anchor there.
void TreeMapper::flatten(const json& list, const std::string& lang, Flat& out)
{
    for (const auto& node : list) {
        const std::string& t = type_of(node);
        if (t == "Null") continue;
        if (t != "Div") {
            out.push_back({&node, lang, {}});
            continue;
        }
        const json& c = content_of(node);
        Attr attr = attr_of(c.at(0));
        // pandoc's standalone HTML repeats the metadata (read from <title> and <meta>) here.
        if (attr.id == "title-block-header") continue;
        // LaTeX's \hypertarget wraps a heading in a Div of the heading's own id: nothing is lost.
        const json& inner = c.at(1);
        const bool heading_has_it = !inner.empty() && type_of(inner[0]) == "Header" &&
                                    attr_of(content_of(inner[0]).at(1)).id == attr.id;
        // A fenced div's classes (.note, .warning) say what its content is; the model keeps the
        // content only. The classes pandoc's own HTML writer puts on its wrappers say nothing.
        static const std::vector<std::string_view> wrappers = {"footnotes", "section", "level1", "level2", "level3",
                                                               "level4", "level5", "level6", "references",
                                                               "csl-bib-body", "csl-entry", "hanging-indent"};
        for (const std::string& name : attr.classes)
            if (std::find(wrappers.begin(), wrappers.end(), name) == wrappers.end()) {
                lose("Div blocks' classes (a fenced div's .note, .warning ...) dropped, their content kept");
                break;
            }
        std::string div_lang = valid_lang(attr.get("lang"));
        const std::size_t first = out.size();
        flatten(inner, div_lang.empty() ? lang : div_lang, out);
        if (attr.id.empty() || heading_has_it) continue;
        if (out.size() == first)
            lose("identifiers of empty Div blocks (link targets) dropped");
        else
            out[first].anchors.insert(out[first].anchors.begin(), attr.id);
    }
}

// Headings open sections that run to the next heading of the same or a higher level.
void TreeMapper::blocks(const json& list, pugi::xml_node container, const std::string& lang)
{
    Flat flat;
    flatten(list, lang, flat);
    model::SectionNesting sections(container);
    for (const auto& [node, node_lang, anchors] : flat) {
        if (type_of(*node) != "Header") {
            pugi::xml_node parent = sections.here();
            pugi::xml_node before = parent.last_child();
            block(*node, parent, node_lang);
            if (!anchors.empty()) place_anchors(anchors, before ? before.next_sibling() : parent.first_child());
            continue;
        }
        const json& c = content_of(*node);
        int level = c.at(0).get<int>();
        if (level > 9) lose("headings deeper than level 9 raised to level 9");
        pugi::xml_node heading = sections.open(std::clamp(level, 1, 9));
        pugi::xml_node section = heading.parent();
        inlines_in(c.at(2), heading, node_lang);
        std::string id = ids_.for_name(attr_of(c.at(1)).id);
        if (id.empty()) id = ids_.for_name(plain_text(c.at(2)));
        if (id.empty()) id = ids_.for_name("section");
        section.append_attribute("id") = id.c_str();
        if (!anchors.empty()) place_anchors(anchors, heading);
    }
}

// Anchors at the start of the first paragraph or heading in `first` or its next siblings.
void TreeMapper::place_anchors(const std::vector<std::string>& anchors, pugi::xml_node first)
{
    pugi::xml_node target;
    for (pugi::xml_node top = first; top && !target; top = top.next_sibling())
        for (pugi::xml_node n = top; n && !target; n = model::next_in_tree(n, top))
            if (std::string_view name = n.name(); name == "p" || name == "heading") target = n;
    if (!target) {
        lose("identifiers of Div blocks with no paragraph (link targets) dropped", static_cast<int>(anchors.size()));
        return;
    }
    for (auto it = anchors.rbegin(); it != anchors.rend(); ++it)
        if (std::string id = ids_.for_name(*it); !id.empty()) target.prepend_child("anchor").append_attribute("id") = id.c_str();
}

void TreeMapper::block(const json& node, pugi::xml_node parent, const std::string& lang)
{
    const std::string& t = type_of(node);
    const json& c = content_of(node);
    if (t == "Para" || t == "Plain") {
        paragraph(c, parent, lang);
    } else if (t == "LineBlock") {
        line_block(c, parent, lang);
    } else if (t == "BlockQuote") {
        quote(c, parent, lang);
    } else if (t == "BulletList") {
        pugi::xml_node l = parent.append_child("list");
        l.append_attribute("kind") = "bullet";
        list(c, l, lang);
    } else if (t == "OrderedList") {
        pugi::xml_node l = parent.append_child("list");
        l.append_attribute("kind") = "ordered";
        const long start = c.at(0).at(0).get<long>();
        if (start != 1) l.append_attribute("start") = start;
        list(c.at(1), l, lang);
    } else if (t == "DefinitionList") {
        definition_list(c, parent, lang);
    } else if (t == "CodeBlock") {
        pugi::xml_node code = parent.append_child("code-block");
        Attr attr = attr_of(c.at(0));
        if (!attr.classes.empty() && attr.classes.front().find_first_of(" \t\n") == std::string::npos)
            code.append_attribute("language") = attr.classes.front().c_str();
        code.text().set(text_at(c.at(1)).c_str());
    } else if (t == "RawBlock") {
        pugi::xml_node raw = parent.append_child("raw");
        raw.append_attribute("format") = text_at(c.at(0)).c_str();
        raw.text().set(text_at(c.at(1)).c_str());
    } else if (t == "HorizontalRule") {
        parent.append_child("break");
    } else if (t == "Table") {
        table(c, parent, lang);
    } else if (t == "Figure") {
        figure(c, parent, lang);
    } else if (t == "Div") {
        blocks(c.at(1), parent, lang);
    } else if (t == "Header") {
        blocks(json::array({node}), parent, lang);
    } else if (t != "Null") {
        lose(t + " blocks of a kind mimeo does not know dropped");
    }
}

void TreeMapper::paragraph(const json& list, pugi::xml_node parent, const std::string& lang)
{
    if (std::all_of(list.begin(), list.end(), is_blank)) return;
    // pandoc 2's figure: a paragraph of one image whose title starts with "fig:".
    if (const json* image = api_minor_ == 22 ? only_image(list) : nullptr) {
        const json& target = content_of(*image).at(2);
        if (text_at(target.at(1)).rfind("fig:", 0) == 0) {
            image_figure(*image, nullptr, content_of(*image).at(0), parent);
            return;
        }
    }
    inlines_in(list, parent.append_child("p"), lang);
}

void TreeMapper::line_block(const json& lines, pugi::xml_node parent, const std::string& lang)
{
    json joined = json::array();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i) joined.push_back({{"t", "LineBreak"}});
        for (const auto& node : lines[i]) joined.push_back(node);
    }
    inlines_in(joined, parent.append_child("p"), lang);
}

void TreeMapper::quote(const json& list, pugi::xml_node parent, const std::string& lang)
{
    pugi::xml_node q = parent.append_child("quote");
    blocks(list, q, lang);
    model::split_attribution(q);
}

void TreeMapper::list(const json& items, pugi::xml_node l, const std::string& lang)
{
    // pandoc marks a tight list by Plain rather than Para in its items.
    bool tight = true;
    for (const auto& item : items)
        for (const auto& block : item)
            if (type_of(block) == "Para") tight = false;
    if (tight && !items.empty()) l.append_attribute("tight") = "true";
    for (const auto& item : items) {
        pugi::xml_node xml_item = l.append_child("item");
        // Task lists: pandoc writes the box as a leading "☐" or "☒".
        if (!item.empty() && is_paragraph(item[0]) && content_of(item[0]).size() >= 2) {
            const json& first = content_of(item[0])[0];
            const std::string box = type_of(first) == "Str" ? text_at(content_of(first)) : "";
            if ((box == "\u2610" || box == "\u2612") && type_of(content_of(item[0])[1]) == "Space") {
                xml_item.append_attribute("checked") = box == "\u2612" ? "true" : "false";
                json rest = item;
                json& inlines = rest[0]["c"];
                inlines.erase(inlines.begin(), inlines.begin() + 2);
                blocks(rest, xml_item, lang);
                continue;
            }
        }
        blocks(item, xml_item, lang);
    }
}

void TreeMapper::definition_list(const json& items, pugi::xml_node parent, const std::string& lang)
{
    if (items.empty()) return;
    pugi::xml_node deflist = parent.append_child("deflist");
    for (const auto& item : items) {
        inlines_in(item.at(0), deflist.append_child("term"), lang);
        const json& definitions = item.at(1);
        if (definitions.empty()) deflist.append_child("definition");
        for (const auto& definition : definitions) blocks(definition, deflist.append_child("definition"), lang);
    }
}

// Table Attr Caption [ColSpec] TableHead [TableBody] TableFoot (the same in API 1.22 and 1.23).
void TreeMapper::table(const json& c, pugi::xml_node parent, const std::string& lang)
{
    model::TableWriter t(parent);
    if (std::string id = ids_.for_name(attr_of(c.at(0)).id); !id.empty()) t.table().append_attribute("id") = id.c_str();
    const json& caption = c.at(1).at(1);
    if (!caption.empty()) blocks_as_inlines(caption, t.caption());
    for (const auto& spec : c.at(2)) t.column(alignment(spec.at(0)));
    for (const auto& r : c.at(3).at(1)) row(r, t.row(true), lang);
    for (const auto& body : c.at(4)) {
        if (const json& sub_head = body.at(2); !sub_head.empty()) {
            lose("table sub-heading rows kept as ordinary rows", static_cast<int>(sub_head.size()));
            for (const auto& r : sub_head) row(r, t.row(false), lang);
        }
        for (const auto& r : body.at(3)) row(r, t.row(false), lang);
    }
    if (const json& foot = c.at(5).at(1); !foot.empty()) {
        lose("table foot rows kept as ordinary rows", static_cast<int>(foot.size()));
        for (const auto& r : foot) row(r, t.row(false), lang);
    }
}

// Row Attr [Cell]; Cell Attr Alignment RowSpan ColSpan [Block].
void TreeMapper::row(const json& r, pugi::xml_node xml_row, const std::string& lang)
{
    for (const auto& cell : r.at(1)) {
        pugi::xml_node xml_cell = xml_row.append_child("cell");
        if (const char* align = alignment(cell.at(1))) xml_cell.append_attribute("align") = align;
        if (int rowspan = cell.at(2).get<int>(); rowspan > 1) xml_cell.append_attribute("rowspan") = rowspan;
        if (int colspan = cell.at(3).get<int>(); colspan > 1) xml_cell.append_attribute("colspan") = colspan;
        const json& content = cell.at(4);
        if (content.size() == 1 && is_paragraph(content[0]))
            inlines_in(content_of(content[0]), xml_cell, lang);
        else
            blocks(content, xml_cell, lang);
    }
}

// pandoc 3's Figure Attr Caption [Block]: a <figure> when it holds one image, else its blocks.
void TreeMapper::figure(const json& c, pugi::xml_node parent, const std::string& lang)
{
    const json& content = c.at(2);
    const json& caption = c.at(1).at(1);
    if (content.size() == 1 && is_paragraph(content[0])) {
        if (const json* image = only_image(content_of(content[0]))) {
            image_figure(*image, &caption, c.at(0), parent);
            return;
        }
    }
    lose("figures holding more than one image kept as their blocks and a caption paragraph");
    blocks(content, parent, lang);
    if (!caption.empty()) blocks_as_inlines(caption, parent.append_child("p"));
}

// Image Attr [Inline] Target; without caption blocks, the alternative text is the caption (pandoc 2).
void TreeMapper::image_figure(const json& image, const json* caption_blocks, const json& attr, pugi::xml_node parent)
{
    const json& c = content_of(image);
    pugi::xml_node figure = parent.append_child("figure");
    if (std::string id = ids_.for_name(attr_of(attr).id); !id.empty()) figure.append_attribute("id") = id.c_str();
    Run run{figure, ""};
    this->image(c, run);
    if (!figure.child("image")) {
        parent.remove_child(figure);
        return;
    }
    pugi::xml_node caption = figure.append_child("caption");
    if (caption_blocks)
        blocks_as_inlines(*caption_blocks, caption);
    else
        inlines_in(c.at(1), caption, "");
    if (!caption.first_child()) figure.remove_child(caption);
}

void TreeMapper::blocks_as_inlines(const json& list, pugi::xml_node container)
{
    Flat flat;
    flatten(list, "", flat);
    Run run{container, ""};
    bool first = true;
    for (const auto& [node, lang, anchors] : flat) {
        const std::string& t = type_of(*node);
        if (!first) run.text(" ");
        first = false;
        for (const std::string& name : anchors) anchor(name, run);
        if (t == "Para" || t == "Plain") {
            inline_list(content_of(*node), run);
        } else if (t == "LineBlock") {
            bool first_line = true;
            for (const auto& line : content_of(*node)) {
                if (!first_line) run.element("line-break");
                first_line = false;
                inline_list(line, run);
            }
        } else {
            lose(t + " blocks in captions and summaries dropped (the model holds only text there)");
        }
    }
    run.flush();
}

void TreeMapper::inlines_in(const json& list, pugi::xml_node container, const std::string& lang)
{
    if (!lang.empty()) {
        container = container.append_child("span");
        container.append_attribute("lang") = lang.c_str();
    }
    Run run{container, ""};
    inline_list(list, run);
    run.flush();
}

void TreeMapper::inline_list(const json& list, Run& run)
{
    for (const auto& node : list) inline_node(node, run);
}

void TreeMapper::inline_node(const json& node, Run& run)
{
    static const std::map<std::string, const char*, std::less<>> wrappers = {
        {"Emph", "em"},       {"Strong", "strong"},     {"Underline", "underline"}, {"Strikeout", "strike"},
        {"Superscript", "sup"}, {"Subscript", "sub"}, {"SmallCaps", "smallcaps"},
    };
    const std::string& t = type_of(node);
    const json& c = content_of(node);
    if (t == "Str") {
        run.text(text_at(c));
    } else if (t == "Space") {
        run.text(" ");
    } else if (t == "SoftBreak") {
        run.text("\n");
    } else if (t == "LineBreak") {
        run.element("line-break");
    } else if (auto wrapper = wrappers.find(t); wrapper != wrappers.end()) {
        inlines_in(c, run.element(wrapper->second), "");
    } else if (t == "Quoted") {
        // Curly quotes, as the Markdown importer's smart punctuation writes them.
        const bool single = type_of(c.at(0)) == "SingleQuote";
        run.text(single ? "\u2018" : "\u201C");
        inline_list(c.at(1), run);
        run.text(single ? "\u2019" : "\u201D");
    } else if (t == "Cite") {
        // One work cited, as a citation processor showed it ("(Doe 1999)"): a cross-reference to
        // it, settled once the metadata's references are read. Else its text: link_citations
        // reads pandoc's own `[@a; @b, p. 3]` into cross-references shown author-date.
        const json& citations = c.at(0);
        const std::string shown = plain_text(c.at(1));
        const bool as_typed = shown.rfind("[@", 0) == 0 || shown.rfind("@", 0) == 0 || shown.rfind("[-@", 0) == 0;
        if (citations.size() == 1 && citations[0].contains("citationId") && !as_typed) {
            pugi::xml_node xref = run.element("xref");
            xref.append_attribute("target") = model::reference_id(citations[0]["citationId"].get<std::string>()).c_str();
            xref.append_attribute("kind") = "reference";
            inlines_in(c.at(1), xref, "");
        } else {
            inline_list(c.at(1), run);
        }
    } else if (t == "Code") {
        run.element("code").text().set(text_at(c.at(1)).c_str());
    } else if (t == "Math") {
        pugi::xml_node math = run.element("math");
        math.append_attribute("display") = type_of(c.at(0)) == "DisplayMath" ? "block" : "inline";
        math.text().set(text_at(c.at(1)).c_str());
    } else if (t == "RawInline") {
        pugi::xml_node raw = run.element("raw");
        raw.append_attribute("format") = text_at(c.at(0)).c_str();
        raw.text().set(text_at(c.at(1)).c_str());
    } else if (t == "Link") {
        // An id on a link (pandoc's HTML note references) is a place other links point to.
        anchor(attr_of(c.at(0)).id, run);
        pugi::xml_node link = run.element("link");
        link.append_attribute("href") = text_at(c.at(2).at(0)).c_str();
        if (const std::string& title = text_at(c.at(2).at(1)); !title.empty())
            link.append_attribute("title") = title.c_str();
        inlines_in(c.at(1), link, "");
    } else if (t == "Image") {
        image(c, run);
    } else if (t == "Note") {
        note(c, run);
    } else if (t == "Span") {
        span(c, run);
    } else {
        lose(t + " inlines of a kind mimeo does not know dropped");
    }
}

// An <anchor> for a name the document gives, when it makes an id.
void TreeMapper::anchor(const std::string& name, Run& run)
{
    if (std::string id = ids_.for_name(name); !id.empty()) run.element("anchor").append_attribute("id") = id.c_str();
}

// Spans are unwrapped, keeping their language, small caps and underline, and an id as an anchor.
void TreeMapper::span(const json& c, Run& run)
{
    Attr attr = attr_of(c.at(0));
    anchor(attr.id, run);
    pugi::xml_node inner;
    auto wrap = [&](const char* name) {
        pugi::xml_node node = inner ? inner.append_child(name) : run.element(name);
        inner = node;
    };
    if (std::string lang = valid_lang(attr.get("lang")); !lang.empty()) {
        wrap("span");
        inner.append_attribute("lang") = lang.c_str();
    }
    if (attr.has_class("smallcaps")) wrap("smallcaps");
    if (attr.has_class("underline") || attr.has_class("ul")) wrap("underline");
    if (inner)
        inlines_in(c.at(1), inner, "");
    else
        inline_list(c.at(1), run);
}

void TreeMapper::image(const json& c, Run& run)
{
    const std::string& src = text_at(c.at(2).at(0));
    if (src.empty()) {
        lose("images without a source dropped");
        return;
    }
    pugi::xml_node image = run.element("image");
    image.append_attribute("src") = src.c_str();
    image.append_attribute("alt") = plain_text(c.at(1)).c_str();
    std::string title = text_at(c.at(2).at(1));
    if (title.rfind("fig:", 0) == 0) title.erase(0, 4);
    if (!title.empty()) image.append_attribute("title") = title.c_str();
}

void TreeMapper::note(const json& list, Run& run)
{
    const std::string id = ids_.for_name("fn" + std::to_string(++notes_));
    run.element("note-ref").append_attribute("note") = id.c_str();
    blocks(list, model::append_note(article_, id, "footnote"), "");
}

std::string TreeMapper::valid_lang(const std::string& lang)
{
    if (lang.empty() || is_language_tag(lang)) return lang;
    lose("language tags that are not BCP 47 dropped");
    return "";
}

}  // namespace mimeo::pandoc
