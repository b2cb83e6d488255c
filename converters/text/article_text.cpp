#include "text/article_text.hpp"

#include <algorithm>
#include <string_view>

#include "model/affiliations.hpp"
#include "model/model.hpp"
#include "model/provenance.hpp"
#include "model/wording.hpp"
#include "text/table_text.hpp"
#include "text/width.hpp"

namespace mimeo::text {
namespace {

bool named(pugi::xml_node node, std::string_view name) { return name == node.name(); }

// Section levels 1 and 2 are underlined; deeper ones stand on their own line.
char heading_rule(int level) { return level <= 1 ? '-' : level == 2 ? '~' : 0; }

std::string expand_tabs(std::string_view line)
{
    std::string out;
    int column = 0;
    for (char c : line) {
        if (c == '\t') {
            const int to = (column / 8 + 1) * 8;
            out.append(static_cast<std::size_t>(to - column), ' ');
            column = to;
        } else {
            out += c;
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
        }
    }
    return out;
}

class BlockWriter {
public:
    BlockWriter(Layout& out, References& references, pugi::xml_node container) : out_(out), references_(references)
    {
        // Underlines go by depth below the article's top sections, whatever level those have.
        for (pugi::xpath_node found : container.select_nodes(".//section"))
            top_level_ = std::min(top_level_, found.node().attribute("level").as_int(1));
    }

    void blocks(pugi::xml_node container, bool tight)
    {
        for (pugi::xml_node child : container.children()) {
            if (child.type() != pugi::node_element || named(child, "attribution") || named(child, "heading")) continue;
            if (!tight) out_.blank_line();
            block(child, tight);
        }
    }

private:
    void block(pugi::xml_node node, bool tight)
    {
        std::string_view name = node.name();
        if (name == "p") {
            paragraph(inline_text(node, references_));
        } else if (name == "section") {
            section(node);
        } else if (name == "quote" || name == "epigraph") {
            out_.push_quote();
            blocks(node, false);
            if (pugi::xml_node attribution = node.child("attribution")) {
                out_.blank_line();
                paragraph("\u2014 " + inline_text(attribution, references_));
            }
            out_.pop();
        } else if (name == "list") {
            list(node, tight);
        } else if (name == "deflist") {
            deflist(node);
        } else if (name == "table") {
            write_table(out_, node, references_);
        } else if (name == "figure") {
            figure(node);
        } else if (name == "code-block") {
            code(node);
        } else if (name == "break") {
            out_.centered("* * *");
        }
        // Raw blocks are written for one format (HTML, LaTeX): none of them is text.
    }

    void paragraph(const std::string& text)
    {
        if (!text.empty()) out_.paragraph(text);
    }

    void section(pugi::xml_node node)
    {
        const int level = node.attribute("level").as_int(1);
        std::string heading = inline_text(node.child("heading"), references_);
        if (pugi::xml_attribute number = node.attribute("number")) heading = std::string(number.value()) + " " + heading;
        if (char rule = heading_rule(level - top_level_ + 1)) out_.underlined(heading, rule);
        else paragraph(heading);
        blocks(node, false);
    }

    void list(pugi::xml_node node, bool inside_tight)
    {
        const bool ordered = std::string_view(node.attribute("kind").value()) == "ordered";
        const bool tight = node.attribute("tight").as_bool() || inside_tight;
        long number = node.attribute("start").as_llong(1);
        std::size_t count = 0;
        for ([[maybe_unused]] pugi::xml_node item : node.children("item")) ++count;
        // Numbers right-aligned, so that every item's text starts in one column.
        const std::size_t number_width = std::to_string(number + static_cast<long>(count) - 1).size();
        bool first = true;
        for (pugi::xml_node item : node.children("item")) {
            if (!first && !tight) out_.blank_line();
            first = false;
            std::string marker;
            if (ordered) {
                std::string digits = std::to_string(number++);
                marker = std::string(number_width > digits.size() ? number_width - digits.size() : 0, ' ') + digits + ". ";
            } else {
                marker = bullet_depth_ % 2 ? "- " : "* ";
            }
            if (pugi::xml_attribute checked = item.attribute("checked")) marker += checked.as_bool() ? "[x] " : "[ ] ";
            out_.push_indent(marker);
            ++bullet_depth_;
            blocks(item, tight);
            if (out_.pending()) out_.literal("");  // an empty item still shows its marker
            --bullet_depth_;
            out_.pop();
        }
    }

    void deflist(pugi::xml_node node)
    {
        bool first = true;
        for (pugi::xml_node child : node.children()) {
            if (named(child, "term")) {
                if (!first) out_.blank_line();
                paragraph(inline_text(child, references_));
            } else if (named(child, "definition")) {
                out_.push_indent("    ");
                blocks(child, false);
                out_.pop();
            }
            first = false;
        }
    }

    void figure(pugi::xml_node node)
    {
        const std::string lead = model::caption_lead(node), words = inline_text(node.child("caption"), references_);
        const std::string caption = lead.empty() || words.empty() ? lead + words : lead + " " + words;
        bool caption_shown = false;
        for (pugi::xml_node panel : node.children("image")) {
            const std::string shown = image_text(panel, references_, caption);
            paragraph(shown);
            caption_shown |= shown.find(caption) != std::string::npos;
        }
        if (!caption.empty() && !caption_shown) paragraph(caption);
    }

    void code(pugi::xml_node node)
    {
        std::string_view text = node.text().get();
        while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
        out_.push_indent("    ");
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            out_.literal(expand_tabs(text.substr(start, end - start)));
            start = end + 1;
        }
        out_.pop();
    }

    Layout& out_;
    References& references_;
    int bullet_depth_ = 0;
    int top_level_ = 9;
};

void write_header(Layout& out, pugi::xml_node article, References& references)
{
    pugi::xml_node meta = model::meta(article);
    out.underlined(inline_text(meta.child("title"), references), '=');
    if (pugi::xml_node subtitle = meta.child("subtitle")) out.paragraph(inline_text(subtitle, references));
    const std::string lang = model::language(article, "en");
    std::string byline = model::byline(article);
    if (std::string date = meta.child("date").text().get(); !date.empty())
        byline += (byline.empty() ? "" : " \u00B7 ") + model::local_date(date, lang);
    auto translators = model::contributors(article, "translator");
    auto note = model::provenance_note(article);
    if (!byline.empty() || !translators.empty() || note) out.blank_line();
    if (!byline.empty()) out.paragraph(byline);
    for (const auto& author : model::author_places(article))
        out.paragraph(author.name + (author.places.empty() ? "" : ": " + author.places) +
                      (author.orcid.empty() ? "" : " (" + author.orcid + ")"));
    if (!translators.empty()) out.paragraph(model::say(lang, "translated_by", model::local_list(translators, lang)));
    if (note) {
        std::string text = note->text();
        if (!note->url.empty()) text += " [" + std::to_string(references.link(note->url)) + "]";
        out.paragraph(text);
    }
    for (pugi::xml_node abstract : meta.children("abstract")) {
        out.blank_line();
        const std::string title = abstract.child("title") ? inline_text(abstract.child("title"), references) : model::say(lang, "abstract");
        out.underlined(title, '-');
        write_blocks(out, abstract, references);
    }
}

void write_notes(Layout& out, pugi::xml_node article, References& references)
{
    pugi::xml_node notes = model::notes(article);
    if (!notes.child("note")) return;
    out.blank_line();
    out.literal(model::say(model::language(article, "en"), "notes") + ":");
    for (pugi::xml_node note : notes.children("note")) {
        out.blank_line();
        out.push_indent("[^" + std::to_string(references.note(note.attribute("id").value())) + "] ");
        write_blocks(out, note, references);
        out.pop();
    }
}

// The works cited, numbered by their labels (else in order), as a reference list reads.
void write_references(Layout& out, pugi::xml_node article, References& references)
{
    pugi::xml_node list = article.child("references");
    if (!list.child("reference")) return;
    out.blank_line();
    out.literal(list.child("title") ? inline_text(list.child("title"), references) + ":" : "References:");
    int number = 0;
    for (pugi::xml_node reference : list.children("reference")) {
        ++number;
        const std::string label = reference.child("label") ? reference.child("label").text().get() : std::to_string(number);
        out.blank_line();
        out.push_indent("[" + label + "] ");
        out.paragraph(inline_text(reference.child("citation"), references));
        out.pop();
    }
}

void write_links(Layout& out, pugi::xml_node article, const References& references)
{
    const std::string online = model::meta(article).child("url").text().get();
    if (!references.urls().empty()) {
        out.blank_line();
        out.literal("Links:");
        // As paragraphs: a URL too long for the line then moves to a line of its own.
        for (std::size_t i = 0; i < references.urls().size(); ++i)
            out.paragraph("[" + std::to_string(i + 1) + "] " + references.urls()[i]);
    }
    if (!online.empty()) {
        out.blank_line();
        out.paragraph(model::say(model::language(article, "en"), "read_online") + ": " + online);
    }
}

}  // namespace

void write_blocks(Layout& out, pugi::xml_node container, References& references, bool tight)
{
    BlockWriter(out, references, container).blocks(container, tight);
}

void write_article(Layout& out, pugi::xml_node article)
{
    References references(article);
    write_header(out, article, references);
    write_blocks(out, model::body(article), references);
    write_notes(out, article, references);
    write_references(out, article, references);
    write_links(out, article, references);
}

}  // namespace mimeo::text
