#include "pandoc/model_to_json.hpp"

#include <algorithm>
#include <string_view>

#include "model/model.hpp"

namespace mimeo::pandoc {
namespace {

using json = nlohmann::json;

json node(const char* type) { return {{"t", type}}; }
json node(const char* type, json content) { return {{"t", type}, {"c", std::move(content)}}; }

json attr(const std::string& id = "", json classes = json::array(), json pairs = json::array())
{
    return json::array({id, std::move(classes), std::move(pairs)});
}

bool is(pugi::xml_node n, std::string_view name) { return name == n.name(); }

bool is_block_element(pugi::xml_node n)
{
    static const std::string_view blocks[] = {"section", "p",     "quote",      "epigraph", "list", "deflist",
                                              "table",   "figure", "code-block", "break"};
    return n.type() == pugi::node_element &&
           std::find(std::begin(blocks), std::end(blocks), std::string_view(n.name())) != std::end(blocks);
}

// Text as pandoc's Str, Space and SoftBreak.
void append_text(std::string_view text, json& out)
{
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
            bool newline = false;
            while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
                newline = newline || text[i++] == '\n';
            out.push_back(node(newline ? "SoftBreak" : "Space"));
            continue;
        }
        std::size_t end = text.find_first_of(" \t\n\r", i);
        if (end == std::string_view::npos) end = text.size();
        out.push_back(node("Str", std::string(text.substr(i, end - i))));
        i = end;
    }
}

json text_inlines(std::string_view text)
{
    json out = json::array();
    append_text(text, out);
    return out;
}

json meta_inlines(json inlines) { return node("MetaInlines", std::move(inlines)); }

class Writer {
public:
    Writer(pugi::xml_node article, int api_minor, int heading_offset)
        : article_(article), api_minor_(api_minor), heading_offset_(heading_offset)
    {
    }

    // The body's blocks, then the works cited: a heading and a Div ("refs", as pandoc's own
    // citeproc names it) of one paragraph per reference, each opening on a Span with its id.
    json article_blocks(pugi::xml_node article)
    {
        json out = blocks(model::body(article));
        pugi::xml_node references = article.child("references");
        if (!references) return out;
        json title = references.child("title") ? inlines(references.child("title")) : text_inlines("References");
        out.push_back(node("Header", json::array({1 + heading_offset_, attr("references"), title})));
        json entries = json::array();
        for (pugi::xml_node reference : references.children("reference")) {
            json para = json::array();
            json label = reference.child("label") ? text_inlines(std::string("[") + reference.child("label").text().get() + "] ")
                                                  : json::array();
            para.push_back(node("Span", json::array({attr(reference.attribute("id").value()), label})));
            for (auto& piece : inlines(reference.child("citation"))) para.push_back(std::move(piece));
            entries.push_back(node("Para", para));
        }
        out.push_back(node("Div", json::array({attr("refs", json::array({"references"})), entries})));
        return out;
    }

    json blocks(pugi::xml_node container, bool tight = false)
    {
        json out = json::array();
        for (pugi::xml_node child : container.children()) block(child, out, tight);
        return out;
    }

    json inlines(pugi::xml_node container)
    {
        json out = json::array();
        for (pugi::xml_node child : container.children()) inline_node(child, out);
        return out;
    }

private:
    void block(pugi::xml_node n, json& out, bool tight)
    {
        const std::string_view name = n.name();
        if (name == "section") {
            json heading = json::array(
                {n.attribute("level").as_int(1) + heading_offset_, attr(n.attribute("id").value()),
                 inlines(n.child("heading"))});
            out.push_back(node("Header", std::move(heading)));
            for (pugi::xml_node child : n.children())
                if (!is(child, "heading")) block(child, out, false);
        } else if (name == "p") {
            out.push_back(node(tight ? "Plain" : "Para", inlines(n)));
        } else if (name == "quote" || name == "epigraph") {
            json content = json::array();
            for (pugi::xml_node child : n.children()) {
                if (!is(child, "attribution")) {
                    block(child, content, false);
                    continue;
                }
                json line = json::array({node("Str", "\u2014"), node("Space")});
                for (auto& item : inlines(child)) line.push_back(std::move(item));
                content.push_back(node("Para", std::move(line)));
            }
            if (name == "quote")
                out.push_back(node("BlockQuote", std::move(content)));
            else
                out.push_back(node("Div", json::array({attr("", json::array({"epigraph"})), std::move(content)})));
        } else if (name == "list") {
            list(n, out);
        } else if (name == "deflist") {
            json items = json::array();
            for (pugi::xml_node child : n.children()) {
                if (is(child, "term")) items.push_back(json::array({inlines(child), json::array()}));
                else if (is(child, "definition") && !items.empty()) items.back()[1].push_back(blocks(child));
            }
            out.push_back(node("DefinitionList", std::move(items)));
        } else if (name == "table") {
            out.push_back(table(n));
        } else if (name == "figure") {
            out.push_back(figure(n));
        } else if (name == "code-block") {
            json classes = json::array();
            if (const char* language = n.attribute("language").value(); *language) classes.push_back(language);
            out.push_back(node("CodeBlock", json::array({attr("", classes), n.text().get()})));
        } else if (name == "break") {
            out.push_back(node("HorizontalRule"));
        } else if (name == "raw") {
            out.push_back(node("RawBlock", json::array({n.attribute("format").value(), n.text().get()})));
        }
    }

    void list(pugi::xml_node n, json& out)
    {
        const bool tight = n.attribute("tight").as_bool(false);
        json items = json::array();
        for (pugi::xml_node item : n.children("item")) {
            json content = blocks(item, tight);
            if (pugi::xml_attribute checked = item.attribute("checked")) {
                // pandoc's own task-list form: a leading box character.
                json box = json::array({node("Str", checked.as_bool() ? "\u2612" : "\u2610"), node("Space")});
                if (!content.empty() && (content[0]["t"] == "Plain" || content[0]["t"] == "Para"))
                    content[0]["c"].insert(content[0]["c"].begin(), box.begin(), box.end());
                else
                    content.insert(content.begin(), node("Plain", box));
            }
            items.push_back(std::move(content));
        }
        if (std::string_view(n.attribute("kind").value()) == "ordered") {
            json attributes = json::array({n.attribute("start").as_int(1), node("Decimal"), node("Period")});
            out.push_back(node("OrderedList", json::array({std::move(attributes), std::move(items)})));
        } else {
            out.push_back(node("BulletList", std::move(items)));
        }
    }

    static json alignment(pugi::xml_node n)
    {
        const std::string_view align = n.attribute("align").value();
        if (align == "left") return node("AlignLeft");
        if (align == "right") return node("AlignRight");
        if (align == "center") return node("AlignCenter");
        return node("AlignDefault");
    }

    json row(pugi::xml_node r)
    {
        json cells = json::array();
        for (pugi::xml_node cell : r.children("cell")) {
            json content = json::array();
            bool has_blocks = false;
            for (pugi::xml_node child : cell.children()) has_blocks = has_blocks || is_block_element(child);
            if (has_blocks)
                content = blocks(cell);
            else if (cell.first_child())
                content.push_back(node("Plain", inlines(cell)));
            cells.push_back(json::array({attr(), alignment(cell), cell.attribute("rowspan").as_int(1),
                                         cell.attribute("colspan").as_int(1), std::move(content)}));
        }
        return json::array({attr(), std::move(cells)});
    }

    // A figure's or table's label and title, then its caption, as one run of inlines.
    json captioned(pugi::xml_node n)
    {
        json words = json::array();
        if (std::string lead = model::caption_lead(n); !lead.empty())
            for (auto& piece : text_inlines(lead + (n.child("caption") ? " " : ""))) words.push_back(std::move(piece));
        if (pugi::xml_node c = n.child("caption"))
            for (auto& piece : inlines(c)) words.push_back(std::move(piece));
        return words;
    }

    // Table Attr Caption [ColSpec] TableHead [TableBody] TableFoot
    json table(pugi::xml_node n)
    {
        json caption = json::array();
        if (json words = captioned(n); !words.empty()) caption.push_back(node("Plain", words));
        std::size_t width = 0;
        for (pugi::xpath_node r : n.select_nodes("head/row | rows/row")) {
            std::size_t cells = 0;
            for (pugi::xml_node cell : r.node().children("cell")) cells += cell.attribute("colspan").as_uint(1);
            width = std::max(width, cells);
        }
        json columns = json::array();
        for (pugi::xml_node column : n.children("column")) columns.push_back(json::array({alignment(column), node("ColWidthDefault")}));
        while (columns.size() < width) columns.push_back(json::array({node("AlignDefault"), node("ColWidthDefault")}));
        json head = json::array(), rows = json::array();
        for (pugi::xml_node r : n.child("head").children("row")) head.push_back(row(r));
        for (pugi::xml_node r : n.child("rows").children("row")) rows.push_back(row(r));
        return node("Table", json::array({attr(n.attribute("id").value()),
                                          json::array({nullptr, std::move(caption)}),
                                          std::move(columns),
                                          json::array({attr(), std::move(head)}),
                                          json::array({json::array({attr(), 0, json::array(), std::move(rows)})}),
                                          json::array({attr(), json::array()})}));
    }

    json image(pugi::xml_node n, json alt, const std::string& title_prefix = "")
    {
        return node("Image", json::array({attr(), std::move(alt),
                                          json::array({n.attribute("src").value(),
                                                       title_prefix + n.attribute("title").value()})}));
    }

    // API 1.22 has no figure: pandoc reads a paragraph of one image titled "fig:..." as one.
    json figure(pugi::xml_node n)
    {
        pugi::xml_node img = n.child("image");
        json alt = text_inlines(img.attribute("alt").value());
        if (api_minor_ == 22) {
            json picture = image(img, captioned(n).empty() ? alt : captioned(n), "fig:");
            picture["c"][0] = attr(n.attribute("id").value());
            json first = node("Para", json::array({std::move(picture)}));
            if (!img.next_sibling("image")) return first;
            // A figure of several panels: the first as the figure, the others after it, together.
            json panels = json::array({std::move(first)});
            for (pugi::xml_node panel = img.next_sibling("image"); panel; panel = panel.next_sibling("image"))
                panels.push_back(node("Para", json::array({image(panel, text_inlines(panel.attribute("alt").value()))})));
            return node("Div", json::array({attr(), std::move(panels)}));
        }
        json caption_blocks = json::array();
        if (json words = captioned(n); !words.empty()) caption_blocks.push_back(node("Plain", words));
        json panels = json::array();
        for (pugi::xml_node panel : n.children("image"))
            panels.push_back(node("Plain", json::array({image(panel, text_inlines(panel.attribute("alt").value()))})));
        return node("Figure", json::array({attr(n.attribute("id").value()),
                                           json::array({nullptr, std::move(caption_blocks)}), std::move(panels)}));
    }

    void inline_node(pugi::xml_node n, json& out)
    {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            append_text(n.value(), out);
            return;
        }
        if (n.type() != pugi::node_element) return;
        static const std::pair<std::string_view, const char*> wrappers[] = {
            {"em", "Emph"},       {"strong", "Strong"}, {"strike", "Strikeout"},  {"underline", "Underline"},
            {"sup", "Superscript"}, {"sub", "Subscript"}, {"smallcaps", "SmallCaps"},
        };
        const std::string_view name = n.name();
        for (const auto& [element, type] : wrappers)
            if (name == element) return out.push_back(node(type, inlines(n)));
        if (name == "code") {
            out.push_back(node("Code", json::array({attr(), n.text().get()})));
        } else if (name == "math") {
            const bool block = std::string_view(n.attribute("display").value()) == "block";
            out.push_back(node("Math", json::array({node(block ? "DisplayMath" : "InlineMath"), model::math_text(n)})));
        } else if (name == "q") {
            out.push_back(node("Quoted", json::array({node("DoubleQuote"), inlines(n)})));
        } else if (name == "span") {
            json pairs = json::array();
            if (const char* lang = n.attribute("lang").value(); *lang) pairs.push_back(json::array({"lang", lang}));
            out.push_back(node("Span", json::array({attr("", json::array(), pairs), inlines(n)})));
        } else if (name == "link") {
            out.push_back(node("Link", json::array({attr(), inlines(n),
                                                    json::array({n.attribute("href").value(),
                                                                 n.attribute("title").value()})})));
        } else if (name == "anchor") {
            out.push_back(node("Span", json::array({attr(n.attribute("id").value()), json::array()})));
        } else if (name == "line-break") {
            out.push_back(node("LineBreak"));
        } else if (name == "image") {
            out.push_back(image(n, text_inlines(n.attribute("alt").value())));
        } else if (name == "note-ref") {
            pugi::xml_node note = model::find_note(article_, n.attribute("note").value());
            out.push_back(node("Note", note ? blocks(note) : json::array()));
        } else if (name == "xref") {
            // An internal link, to the reference list's entry or to the figure's, table's or section's id.
            out.push_back(node("Link", json::array({attr(), inlines(n),
                                                    json::array({std::string("#") + n.attribute("target").value(), ""})})));
        } else if (name == "raw") {
            out.push_back(node("RawInline", json::array({n.attribute("format").value(), n.text().get()})));
        }
    }

    pugi::xml_node article_;
    int api_minor_;
    int heading_offset_;
};

json article_meta(pugi::xml_node article, Writer& writer)
{
    json meta = json::object();
    pugi::xml_node m = model::meta(article);
    if (pugi::xml_node title = m.child("title")) meta["title"] = meta_inlines(writer.inlines(title));
    if (pugi::xml_node subtitle = m.child("subtitle")) meta["subtitle"] = meta_inlines(writer.inlines(subtitle));
    json authors = json::array();
    for (const auto& name : model::contributors(article, "author")) authors.push_back(meta_inlines(text_inlines(name)));
    if (!authors.empty()) meta["author"] = node("MetaList", std::move(authors));
    if (std::string date = model::meta_text(article, "date"); !date.empty()) meta["date"] = node("MetaString", date);
    if (std::string lang = model::meta_text(article, "language"); !lang.empty()) meta["lang"] = node("MetaString", lang);
    if (pugi::xml_node summary = m.child("summary")) meta["abstract"] = meta_inlines(writer.inlines(summary));
    json keywords = json::array();
    for (const auto& tag : model::tags(article)) keywords.push_back(node("MetaString", tag));
    if (!keywords.empty()) meta["keywords"] = node("MetaList", std::move(keywords));
    return meta;
}

json issue_meta(pugi::xml_node issue, Writer& writer)
{
    json meta = json::object();
    pugi::xml_node publication = model::publication(issue);
    if (pugi::xml_node title = issue.child("title")) {
        meta["title"] = meta_inlines(writer.inlines(title));
    } else if (publication) {
        std::string text = model::text_of(publication.child("title"));
        if (pugi::xml_node number = issue.child("number")) text += " \u2014 Issue " + std::string(number.text().get());
        meta["title"] = meta_inlines(text_inlines(text));
    }
    if (const char* date = issue.child("date").text().get(); *date) meta["date"] = node("MetaString", date);
    if (const char* lang = publication.child("language").text().get(); *lang) meta["lang"] = node("MetaString", lang);
    return meta;
}

// An article inside a larger document: its title as a level-1 heading, then a byline.
void append_article(pugi::xml_node article, int api_minor, json& blocks)
{
    Writer writer(article, api_minor, 1);
    pugi::xml_node m = model::meta(article);
    blocks.push_back(node("Header", json::array({1, attr(model::slug(article)), writer.inlines(m.child("title"))})));
    if (pugi::xml_node subtitle = m.child("subtitle"))
        blocks.push_back(node("Para", json::array({node("Emph", writer.inlines(subtitle))})));
    std::string byline;
    for (const auto& name : model::contributors(article, "author")) byline += (byline.empty() ? "" : ", ") + name;
    if (!byline.empty()) blocks.push_back(node("Para", text_inlines(byline)));
    for (auto& block : writer.article_blocks(article)) blocks.push_back(std::move(block));
}

}  // namespace

nlohmann::json issue_to_json(pugi::xml_node issue, int api_minor)
{
    json version = api_minor == 22 ? json::array({1, 22, 2, 1}) : json::array({1, 23, 1});
    json blocks = json::array();
    json meta = json::object();
    const auto articles = model::articles(issue);
    if (articles.size() == 1) {
        Writer writer(articles.front(), api_minor, 0);
        meta = article_meta(articles.front(), writer);
        blocks = writer.article_blocks(articles.front());
    } else {
        Writer writer(issue, api_minor, 0);
        meta = issue_meta(issue, writer);
        for (pugi::xml_node article : articles) append_article(article, api_minor, blocks);
    }
    return {{"pandoc-api-version", std::move(version)}, {"meta", std::move(meta)}, {"blocks", std::move(blocks)}};
}

}  // namespace mimeo::pandoc
