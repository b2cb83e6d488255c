#include "jats/read_body.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <initializer_list>
#include <string_view>

#include "jats/read_references.hpp"
#include "jats/vocabulary.hpp"
#include "model/builders.hpp"
#include "model/model.hpp"

namespace fs = std::filesystem;

namespace mimeo::jats {

bool among(std::string_view name, Names names) { return std::find(names.begin(), names.end(), name) != names.end(); }

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string graphic_src(const std::string& href, const BodyReader& reader)
{
    // PLOS names a graphic by its DOI ("info:doi/10.1371/journal.pmed.0020007.g001"); its file,
    // in the article's package, by the DOI's last part.
    if (href.rfind("info:doi/", 0) == 0) {
        const std::string local = graphic_src(href.substr(href.rfind('/') + 1), reader);
        return local == href.substr(href.rfind('/') + 1) ? href : local;
    }
    const fs::path given(href);
    if (href.empty() || href.find(':') != std::string::npos || given.is_absolute() || href.find("..") != std::string::npos)
        return href;
    const fs::path folder = fs::path(reader.tree.file).parent_path();
    std::error_code ec;
    if (fs::exists(folder / given, ec)) return href;
    for (const char* extension : {".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".tif", ".tiff"})
        if (fs::is_regular_file(folder / (href + extension), ec)) return href + extension;
    return href;
}

void note_unknown(pugi::xml_node node, BodyReader& reader, bool kept)
{
    auto [entry, first] = reader.unknown.try_emplace({node.name(), kept}, reader.tree.where(node), 0);
    ++entry->second.second;
}

void report_unknown(const BodyReader& reader)
{
    for (const auto& [key, seen] : reader.unknown) {
        const auto& [name, kept] = key;
        const auto& [where, count] = seen;
        reader.diagnostics.warn(where, "jats-unknown",
                                "<" + name + "> (" + std::to_string(count) + (count == 1 ? " time" : " times") +
                                    ", first here) has no counterpart in the model; " +
                                    (kept ? "its content is kept" : "left out"));
    }
}

std::string squeezed(const std::string& text)
{
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string all_text(pugi::xml_node node)
{
    std::string out;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
        else if (child.type() == pugi::node_element) out += all_text(child);
    }
    return out;
}

namespace {

bool blank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

bool is_element(pugi::xml_node node, std::string_view name)
{
    return node.type() == pugi::node_element && name == node.name();
}

// Display elements: blocks wherever they stand, a <p> included (the exporter wraps
// blocks in <p> where the DTD wants it, and JATS authors often do too).
bool is_display(std::string_view name)
{
    return among(name, {"p", "sec", "disp-quote", "list", "def-list", "table-wrap", "fig", "preformat", "code",
                        "boxed-text", "graphic", "fig-group", "table-wrap-group", "array", "verse-group", "speech",
                        "statement", "fn-group", "ref-list", "ack", "app", "app-group", "glossary", "notes",
                        "supplementary-material", "alternatives", "disp-formula-group"});
}

// A leading number such as "3." or "(3)"; -1 when there is none.
long leading_number(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size() && (std::isspace(static_cast<unsigned char>(text[i])) || text[i] == '(')) ++i;
    long value = -1;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && value < 100000000; ++i)
        value = (value < 0 ? 0 : value * 10) + (text[i] - '0');
    return value;
}

// The exporter adds an empty <p> where JATS needs one and the model had nothing.
void drop_padding(pugi::xml_node container)
{
    pugi::xml_node only;
    for (pugi::xml_node child : container.children()) {
        if (child.type() != pugi::node_element) continue;
        if (only) return;
        only = child;
    }
    if (only && std::string_view(only.name()) == "p" && !only.first_child()) container.remove_child(only);
}

bool has_element_child(pugi::xml_node node)
{
    return static_cast<bool>(node.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; }));
}

bool holds_blocks(pugi::xml_node node)
{
    return static_cast<bool>(node.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element && is_display(n.name()); }));
}

class Reader {
public:
    explicit Reader(BodyReader& context) : context_(context) {}

    // `skip` names children that their owner reads itself (a <sec>'s <title>, ...).
    void blocks(pugi::xml_node container, pugi::xml_node out, Names skip = {})
    {
        pugi::xml_node pending;  // a paragraph for stray inline content
        for (pugi::xml_node child : container.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                if (blank(child.value())) continue;
                if (!pending) pending = out.append_child("p");
                pending.append_child(pugi::node_pcdata).set_value(child.value());
            } else if (child.type() == pugi::node_pi) {
                raw_block(child, out);
                pending = {};
            } else if (child.type() == pugi::node_element) {
                const std::string_view name = child.name();
                if (among(name, skip)) continue;
                // An element the model does not know is a block when it holds blocks.
                if (is_display(name) || among(name, {"disp-formula", "title", "fn", "attrib"}) || holds_blocks(child)) {
                    pending = {};
                    block(child, out);
                } else {
                    if (!pending) pending = out.append_child("p");
                    inline_node(child, pending);
                }
            }
        }
    }

    void notes(pugi::xml_node group)
    {
        const bool endnotes = std::string_view(group.attribute("content-type").value()) == endnotes_type;
        for (pugi::xml_node fn : group.children("fn")) read_note(fn, endnotes ? "endnote" : "footnote", context_);
    }

    void back_sections(pugi::xml_node back, pugi::xml_node body)
    {
        for (pugi::xml_node child : back.children()) {
            if (child.type() != pugi::node_element) continue;
            const std::string_view name = child.name();
            if (among(name, {"fn-group", "fn", "label", "title"})) continue;
            if (name == "notes" && std::string_view(child.attribute("notes-type").value()) == provenance_notes_type)
                continue;  // written from <related-article>, which the front matter reads
            block(child, body);
        }
    }

private:
    void inline_node(pugi::xml_node node, pugi::xml_node out) { read_inline(node, out, context_); }

    void raw_block(pugi::xml_node pi, pugi::xml_node out)
    {
        std::string format;
        std::string content = raw_content(pi.value(), format);
        pugi::xml_node raw = out.append_child("raw");
        raw.append_attribute("format") = format.c_str();
        raw.text().set(content.c_str());
    }

    void block(pugi::xml_node node, pugi::xml_node out)
    {
        const std::string_view name = node.name();
        if (name == "p") paragraph(node, out);
        else if (name == "sec") section(node, out);
        else if (name == "disp-quote" || name == "verse-group" || name == "statement" || name == "speech") quote(node, out);
        else if (name == "list") list(node, out);
        else if (name == "def-list") deflist(node, out);
        else if (name == "table-wrap") table(node, out);
        else if (name == "fig") figure(node, node.child("caption"), out);
        else if (name == "graphic") figure(node, {}, out);
        else if (name == "preformat" || name == "code") code(node, out);
        else if (name == "disp-formula") inline_node(node, out.append_child("p"));
        else if (name == "title" || name == "attrib") read_inlines(node, out.append_child("p"), context_);
        else if (name == "fn-group") notes(node);
        else if (name == "fn") read_note(node, "footnote", context_);
        else if (name == "ref-list") references(node, out);
        else if (among(name, {"ack", "app", "glossary", "notes"})) titled_section(node, out);
        else if (among(name, {"boxed-text", "fig-group", "table-wrap-group", "app-group", "alternatives",
                              "disp-formula-group"}))
            unwrap(node, out);
        else {
            warn_unknown(node);
            if (has_element_child(node)) blocks(node, out, {"label", "object-id"});
            else read_inlines(node, out.append_child("p"), context_);
        }
    }

    void warn_unknown(pugi::xml_node node) { note_unknown(node, context_); }

    // A box or group: its caption's title as a paragraph, then its blocks.
    void unwrap(pugi::xml_node node, pugi::xml_node out)
    {
        for (pugi::xml_node part : node.child("caption").children())
            if (part.type() == pugi::node_element) block(part, out);
        blocks(node, out, {"label", "caption", "object-id", "sec-meta"});
    }

    void paragraph(pugi::xml_node p, pugi::xml_node out)
    {
        if (std::string_view(p.attribute("content-type").value()) == thematic_break_type) {
            out.append_child("break");
            return;
        }
        if (!p.first_child()) {
            out.append_child("p");
            return;
        }
        pugi::xml_node pending;
        auto flush = [&] {
            if (pending && !has_element_child(pending) && blank(pending.text().get()) &&
                !pending.find_child([](pugi::xml_node n) { return n.type() == pugi::node_pi; }))
                out.remove_child(pending);
            pending = {};
        };
        for (pugi::xml_node child : p.children()) {
            if (child.type() == pugi::node_element && is_display(child.name())) {
                flush();
                block(child, out);
                continue;
            }
            if (!pending) pending = out.append_child("p");
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
                pending.append_child(pugi::node_pcdata).set_value(child.value());
            else if (child.type() == pugi::node_element || child.type() == pugi::node_pi)
                inline_node(child, pending);
        }
        flush();
    }

    void section(pugi::xml_node sec, pugi::xml_node out)
    {
        pugi::xml_node title = sec.child("title");
        if (!title) {
            // An untitled <sec> (the exporter's home for blocks after a subsection) adds no level.
            blocks(sec, out, {"label", "sec-meta"});
            return;
        }
        pugi::xml_node section = out.append_child("section");
        int level = sec.attribute("disp-level").as_int(0);
        if (level < 1 || level > 9) level = std::min(context_.depth + 1, 9);
        section.append_attribute("level") = level;
        if (const char* id = sec.attribute("id").value(); *id) section.append_attribute("id") = id;
        if (std::string label = all_text(sec.child("label")); !label.empty())
            section.append_attribute("number") = label.c_str();
        read_inlines(title, section.append_child("heading"), context_);
        ++context_.depth;
        blocks(sec, section, {"label", "title", "sec-meta"});
        --context_.depth;
    }

    void titled_section(pugi::xml_node node, pugi::xml_node out)
    {
        pugi::xml_node section = out.append_child("section");
        section.append_attribute("level") = std::min(context_.depth + 1, 9);
        if (const char* id = node.attribute("id").value(); *id) section.append_attribute("id") = id;
        pugi::xml_node heading = section.append_child("heading");
        if (pugi::xml_node title = node.child("title")) read_inlines(title, heading, context_);
        else {
            const std::string_view name = node.name();
            heading.text().set(name == "ack" ? "Acknowledgments" : name == "app" ? "Appendix"
                               : name == "glossary" ? "Glossary" : "Notes");
        }
        ++context_.depth;
        blocks(node, section, {"title", "label", "sec-meta"});
        --context_.depth;
    }

    void references(pugi::xml_node node, pugi::xml_node) { read_references(node, context_); }

    void quote(pugi::xml_node node, pugi::xml_node out)
    {
        const bool epigraph = std::string_view(node.attribute("content-type").value()) == epigraph_type;
        pugi::xml_node quote = out.append_child(epigraph ? "epigraph" : "quote");
        blocks(node, quote, {"attrib", "label", "permissions"});
        drop_padding(quote);
        if (epigraph && !has_element_child(quote)) quote.set_name("quote");
        pugi::xml_node attribution;
        for (pugi::xml_node attrib : node.children("attrib")) {
            if (attribution) attribution.append_child(pugi::node_pcdata).set_value("; ");
            else attribution = quote.append_child("attribution");
            read_inlines(attrib, attribution, context_);
        }
    }

    void list(pugi::xml_node node, pugi::xml_node out)
    {
        const std::string_view type = node.attribute("list-type").value();
        const bool ordered = among(type, {"order", "alpha-lower", "alpha-upper", "roman-lower", "roman-upper"});
        pugi::xml_node list = out.append_child("list");
        list.append_attribute("kind") = ordered ? "ordered" : "bullet";
        pugi::xml_node first = node.child("list-item");
        if (long start = leading_number(all_text(first.child("label"))); start >= 0) list.append_attribute("start") = start;
        const std::string_view use = node.attribute("specific-use").value();
        if (use == tight_list || use == loose_list) list.append_attribute("tight") = use == tight_list ? "true" : "false";
        for (pugi::xml_node li : node.children("list-item")) {
            pugi::xml_node item = list.append_child("item");
            const std::string_view checked = li.attribute("specific-use").value();
            if (checked == checked_item || checked == unchecked_item)
                item.append_attribute("checked") = checked == checked_item ? "true" : "false";
            blocks(li, item, {"label"});
            drop_padding(item);
        }
    }

    void deflist(pugi::xml_node node, pugi::xml_node out)
    {
        pugi::xml_node list;
        for (pugi::xml_node item : node.children("def-item")) {
            if (!list) list = out.append_child("deflist");
            read_inlines(item.child("term"), list.append_child("term"), context_);
            bool any = false;
            for (pugi::xml_node def : item.children("def")) {
                pugi::xml_node definition = list.append_child("definition");
                blocks(def, definition, {"label"});
                drop_padding(definition);
                any = true;
            }
            if (!any) list.append_child("definition");
        }
    }

    static pugi::xml_node first_of(pugi::xml_node node, const char* name)
    {
        if (pugi::xml_node found = node.child(name)) return found;
        return node.child("alternatives").child(name);
    }

    // The label as an attribute, the caption's title as <title>, its paragraphs as <caption>.
    void caption(pugi::xml_node jats_caption, pugi::xml_node owner, pugi::xml_node label = {})
    {
        if (std::string text = all_text(label); !text.empty()) owner.append_attribute("label") = trimmed(text).c_str();
        if (pugi::xml_node title = jats_caption.child("title")) read_inlines(title, owner.append_child("title"), context_);
        pugi::xml_node caption;
        for (pugi::xml_node part : jats_caption.children("p")) {
            if (caption) caption.append_child(pugi::node_pcdata).set_value(" ");
            else caption = owner.append_child("caption");
            read_inlines(part, caption, context_);
        }
    }

    void cell(pugi::xml_node td, pugi::xml_node row)
    {
        pugi::xml_node cell = row.append_child("cell");
        if (const char* align = td.attribute("align").value(); among(align, {"left", "center", "right"}))
            cell.append_attribute("align") = align;
        // A span of one is every cell's; PMC writes it on each, and the model need not.
        for (const char* span : {"colspan", "rowspan"})
            if (int n = td.attribute(span).as_int(0); n > 1) cell.append_attribute(span) = n;
        bool holds_blocks = false, holds_other = false;
        for (pugi::xml_node child : td.children()) {
            if (child.type() == pugi::node_element) (is_display(child.name()) ? holds_blocks : holds_other) = true;
            else if (child.type() == pugi::node_pcdata && !blank(child.value())) holds_other = true;
        }
        const bool lone_raw = !holds_blocks && !holds_other && td.find_child([](pugi::xml_node n) { return n.type() == pugi::node_pi; });
        if (holds_blocks || lone_raw) blocks(td, cell);
        else read_inlines(td, cell, context_);
    }

    void rows(const std::vector<pugi::xml_node>& trs, pugi::xml_node out)
    {
        for (pugi::xml_node tr : trs) {
            pugi::xml_node row = out.append_child("row");
            for (pugi::xml_node td : tr.children())
                if (is_element(td, "td") || is_element(td, "th")) cell(td, row);
        }
    }

    static bool header_row(pugi::xml_node tr)
    {
        bool any = false;
        for (pugi::xml_node td : tr.children()) {
            if (is_element(td, "td")) return false;
            any |= is_element(td, "th");
        }
        return any;
    }

    // Every table a table-wrap holds (the first with its label and caption), or its picture,
    // and then its foot.
    void table(pugi::xml_node wrap, pugi::xml_node out)
    {
        std::vector<pugi::xml_node> tables;
        for (const pugi::xpath_node& found : wrap.select_nodes("table | alternatives/table")) tables.push_back(found.node());
        if (tables.empty()) {
            if (pugi::xml_node graphic = first_of(wrap, "graphic")) figure(graphic, wrap.child("caption"), out, wrap);
            else warn_unknown(wrap);
        }
        for (std::size_t i = 0; i < tables.size(); ++i) table_body(tables[i], i == 0 ? wrap : pugi::xml_node(), out);
        if (pugi::xml_node foot = wrap.child("table-wrap-foot")) blocks(foot, out, {"label", "title"});
    }

    void table_body(pugi::xml_node jats_table, pugi::xml_node wrap, pugi::xml_node out)
    {
        pugi::xml_node table = out.append_child("table");
        if (const char* id = wrap.attribute("id").value(); *id) table.append_attribute("id") = id;
        caption(wrap.child("caption"), table, wrap.child("label"));
        auto column = [&](pugi::xml_node col) {
            pugi::xml_node c = table.append_child("column");
            if (const char* align = col.attribute("align").value(); among(align, {"left", "center", "right"}))
                c.append_attribute("align") = align;
        };
        for (pugi::xml_node child : jats_table.children()) {
            if (is_element(child, "col")) column(child);
            if (is_element(child, "colgroup"))
                for (pugi::xml_node col : child.children("col")) column(col);
        }
        std::vector<pugi::xml_node> head, body;
        auto take = [](pugi::xml_node group, std::vector<pugi::xml_node>& into) {
            for (pugi::xml_node tr : group.children("tr")) into.push_back(tr);
        };
        for (pugi::xml_node thead : jats_table.children("thead")) take(thead, head);
        take(jats_table, body);
        for (pugi::xml_node tbody : jats_table.children("tbody")) take(tbody, body);
        take(jats_table.child("tfoot"), body);
        // With no thead, the leading rows of header cells are the head, as older articles tag it.
        if (head.empty())
            while (!body.empty() && header_row(body.front()) && body.size() > 1) {
                head.push_back(body.front());
                body.erase(body.begin());
            }
        if (!head.empty()) rows(head, table.append_child("head"));
        rows(body, table.append_child("rows"));
    }

    // `owner`: the fig or table-wrap whose id and label the figure takes.
    void figure(pugi::xml_node node, pugi::xml_node jats_caption, pugi::xml_node out, pugi::xml_node owner = {})
    {
        if (!owner) owner = node;
        // What else a figure holds (its DOI as object-id, attrib, permissions ...) is named.
        if (std::string_view(owner.name()) == "fig")
            for (pugi::xml_node part : owner.children())
                if (part.type() == pugi::node_element && !among(part.name(), {"label", "caption", "graphic", "alternatives"}))
                    note_unknown(part, context_, false);
        pugi::xml_node graphic = std::string_view(node.name()) == "graphic" ? node : first_of(node, "graphic");
        const char* src = graphic.attribute("xlink:href").value();
        if (!*src) {
            context_.diagnostics.warn(context_.tree.where(node), "jats-skip",
                                      "<" + std::string(node.name()) + "> without a graphic: only its caption is kept");
            unwrap(node, out);
            return;
        }
        pugi::xml_node figure = out.append_child("figure");
        if (const char* id = owner.attribute("id").value(); *id) figure.append_attribute("id") = id;
        if (std::string label = trimmed(all_text(owner.child("label"))); !label.empty())
            figure.append_attribute("label") = label.c_str();
        // A figure of several panels has a graphic for each.
        std::vector<pugi::xml_node> graphics = {graphic};
        if (graphic.parent() == node)
            for (pugi::xml_node more = graphic.next_sibling("graphic"); more; more = more.next_sibling("graphic"))
                if (*more.attribute("xlink:href").value()) graphics.push_back(more);
        for (pugi::xml_node panel : graphics) {
            pugi::xml_node image = figure.append_child("image");
            image.append_attribute("src") = graphic_src(panel.attribute("xlink:href").value(), context_).c_str();
            if (pugi::xml_node alt = panel.child("alt-text")) image.append_attribute("alt") = all_text(alt).c_str();
            if (pugi::xml_attribute title = panel.attribute("xlink:title")) image.append_attribute("title") = title.value();
        }
        caption(jats_caption, figure);
    }

    void code(pugi::xml_node node, pugi::xml_node out)
    {
        pugi::xml_node code = out.append_child("code-block");
        const char* language = std::string_view(node.name()) == "code" ? node.attribute("language").value()
                                                                        : node.attribute("specific-use").value();
        if (*language) code.append_attribute("language") = language;
        code.text().set(all_text(node).c_str());
    }

public:
    void note_blocks(pugi::xml_node fn, pugi::xml_node note)
    {
        blocks(fn, note, {"label", "title"});
        drop_padding(note);
    }

private:
    BodyReader& context_;
};

}  // namespace

std::string raw_content(std::string_view value, std::string& format)
{
    const auto space = value.find(' ');
    format = std::string(value.substr(0, space));
    if (format.empty()) format = "html";
    std::string out;
    if (space == std::string_view::npos) return out;
    std::string_view escaped = value.substr(space + 1);
    for (std::size_t i = 0; i < escaped.size(); ++i) {
        if (escaped.compare(i, 5, "&amp;") == 0) {
            out += '&';
            i += 4;
        } else if (escaped.compare(i, 5, "?&gt;") == 0) {
            out += "?>";
            i += 4;
        } else {
            out += escaped[i];
        }
    }
    return out;
}

std::string read_note(pugi::xml_node fn, const char* kind, BodyReader& reader)
{
    std::string id = fn.attribute("id").value();
    if (id.empty() || reader.note_ids.count(id)) id = "fn-" + std::to_string(++reader.generated_ids);
    pugi::xml_node note = model::append_note(reader.article, id, kind);
    reader.note_ids.insert(id);
    Reader(reader).note_blocks(fn, note);
    return id;
}

void read_blocks(pugi::xml_node container, pugi::xml_node out, BodyReader& reader, Names skip)
{
    Reader(reader).blocks(container, out, skip);
}

void read_notes(pugi::xml_node back, BodyReader& reader)
{
    for (pugi::xml_node group : back.children("fn-group")) Reader(reader).notes(group);
}

void read_back_sections(pugi::xml_node back, pugi::xml_node body, BodyReader& reader)
{
    Reader(reader).back_sections(back, body);
}

}  // namespace mimeo::jats
