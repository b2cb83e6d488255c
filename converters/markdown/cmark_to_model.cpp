#include "markdown/cmark_to_model.hpp"

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "model/attribution.hpp"
#include "model/builders.hpp"
#include "model/ids.hpp"
#include "model/model.hpp"

namespace mimeo::markdown {
namespace {

// The language an info string names: its first word ("python" of "python linenums"), or in
// pandoc's attributes its first class ("{.python .numberLines}") or Quarto's and R Markdown's
// executable chunk ("{r echo=FALSE}"). A raw block's "{=html}" names none.
std::string fence_language(std::string_view info)
{
    if (info.empty()) return "";
    if (info.front() != '{') return std::string(info.substr(0, info.find_first_of(" \t{")));
    std::string_view inside = info.substr(1);
    inside = inside.substr(0, inside.find('}'));
    std::string first_word;
    for (std::size_t at = 0; at < inside.size();) {
        at = inside.find_first_not_of(" \t,", at);
        if (at == std::string_view::npos) break;
        const std::size_t end = std::min(inside.find_first_of(" \t,", at), inside.size());
        const std::string_view word = inside.substr(at, end - at);
        if (word.front() == '.' && word.size() > 1) return std::string(word.substr(1));
        if (first_word.empty() && at == inside.find_first_not_of(" \t") && word.find_first_of("#=") == std::string_view::npos)
            first_word = word;
        at = end;
    }
    return first_word;
}

std::string_view type_name(cmark_node* node) { return cmark_node_get_type_string(node); }

std::string literal(cmark_node* node)
{
    const char* text = cmark_node_get_literal(node);
    return text ? text : "";
}

class Builder {
public:
    Builder(pugi::xml_node article, const BuildOptions& options) : article_(article), options_(options) {}

    void document(cmark_node* doc)
    {
        blocks(doc, model::body(article_));
        // cmark-gfm keeps only referenced definitions, ordered by first reference, and
        // gives each reference its definition's number as its literal.
        int number = 0;
        for (cmark_node* child = cmark_node_first_child(doc); child; child = cmark_node_next(child))
            if (cmark_node_get_type(child) == CMARK_NODE_FOOTNOTE_DEFINITION) note(child, ++number);
    }

private:
    // Headings open sections that run to the next heading of the same or a higher level.
    void blocks(cmark_node* parent, pugi::xml_node container)
    {
        model::SectionNesting sections(container);
        for (cmark_node* child = cmark_node_first_child(parent); child; child = cmark_node_next(child)) {
            if (cmark_node_get_type(child) == CMARK_NODE_FOOTNOTE_DEFINITION) continue;
            if (cmark_node_get_type(child) == CMARK_NODE_HEADING) {
                pugi::xml_node heading = sections.open(cmark_node_get_heading_level(child));
                inlines(child, heading);
                if (options_.extensions)
                    heading.parent().append_attribute("id") = ids_.for_text(model::text_of(heading), "section").c_str();
                continue;
            }
            block(child, sections.here());
        }
    }

    void block(cmark_node* node, pugi::xml_node parent)
    {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_PARAGRAPH: paragraph(node, parent); return;
        case CMARK_NODE_BLOCK_QUOTE: quote(node, parent.append_child("quote")); return;
        case CMARK_NODE_LIST: list(node, parent.append_child("list")); return;
        case CMARK_NODE_CODE_BLOCK: code_block(node, parent); return;
        case CMARK_NODE_HTML_BLOCK: raw(node, parent); return;
        case CMARK_NODE_THEMATIC_BREAK: parent.append_child("break"); return;
        default: break;
        }
        if (type_name(node) == "table") table(node, parent);
    }

    void paragraph(cmark_node* node, pugi::xml_node parent)
    {
        cmark_node* only = cmark_node_first_child(node);
        if (options_.extensions && only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_IMAGE) {
            pugi::xml_node figure = parent.append_child("figure");
            image(only, figure);
            pugi::xml_node caption = figure.append_child("caption");
            inlines(only, caption);
            if (!caption.first_child()) figure.remove_child(caption);
            return;
        }
        inlines(node, parent.append_child("p"));
    }

    void quote(cmark_node* node, pugi::xml_node quote)
    {
        blocks(node, quote);
        if (!options_.extensions) return;
        model::split_attribution(quote);
    }

    void list(cmark_node* node, pugi::xml_node list)
    {
        bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        list.append_attribute("kind") = ordered ? "ordered" : "bullet";
        if (ordered && cmark_node_get_list_start(node) != 1)
            list.append_attribute("start") = cmark_node_get_list_start(node);
        if (cmark_node_get_list_tight(node)) list.append_attribute("tight") = "true";
        for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
            pugi::xml_node xml_item = list.append_child("item");
            if (type_name(item) == "tasklist")
                xml_item.append_attribute("checked") = cmark_gfm_extensions_get_tasklist_item_checked(item) ? "true" : "false";
            blocks(item, xml_item);
        }
    }

    void code_block(cmark_node* node, pugi::xml_node parent)
    {
        pugi::xml_node code = parent.append_child("code-block");
        const char* info = cmark_node_get_fence_info(node);
        const std::string language = fence_language(info ? info : "");
        if (!language.empty()) code.append_attribute("language") = language.c_str();
        code.text().set(literal(node).c_str());
    }

    void raw(cmark_node* node, pugi::xml_node parent)
    {
        pugi::xml_node raw = parent.append_child("raw");
        raw.append_attribute("format") = "html";
        raw.text().set(literal(node).c_str());
    }

    void table(cmark_node* node, pugi::xml_node parent)
    {
        model::TableWriter table(parent);
        const uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
        const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(node);
        for (uint16_t i = 0; i < columns; ++i) {
            switch (alignments ? alignments[i] : 0) {
            case 'l': table.column("left"); break;
            case 'c': table.column("center"); break;
            case 'r': table.column("right"); break;
            default: table.column(); break;
            }
        }
        for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
            pugi::xml_node xml_row = table.row(cmark_gfm_extensions_get_table_row_is_header(row));
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
                inlines(cell, model::TableWriter::cell(xml_row));
        }
    }

    static std::string note_id(const std::string& number) { return "fn" + number; }

    void note(cmark_node* definition, int number)
    {
        blocks(definition, model::append_note(article_, note_id(std::to_string(number)), "footnote"));
    }

    void image(cmark_node* node, pugi::xml_node parent)
    {
        pugi::xml_node image = parent.append_child("image");
        image.append_attribute("src") = cmark_node_get_url(node);
        pugi::xml_document scratch;
        inlines(node, scratch.append_child("alt"));
        image.append_attribute("alt") = model::text_of(scratch.first_child()).c_str();
        const char* title = cmark_node_get_title(node);
        if (title && *title) image.append_attribute("title") = title;
    }

    // Runs of text and soft breaks are gathered into one text node, as a reader of the XML expects.
    void inlines(cmark_node* parent, pugi::xml_node container)
    {
        std::string pending;
        auto flush = [&] {
            if (pending.empty()) return;
            container.append_child(pugi::node_pcdata).set_value(pending.c_str());
            pending.clear();
        };
        for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
            if (std::string text = text_of_node(node); !text.empty() || cmark_node_get_type(node) == CMARK_NODE_TEXT) {
                pending += text;
                continue;
            }
            flush();
            inline_node(node, container);
        }
        flush();
    }

    // The text a text-like node contributes; empty for everything else.
    std::string text_of_node(cmark_node* node)
    {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT: return literal(node);
        case CMARK_NODE_SOFTBREAK: return "\n";
        default: return "";
        }
    }

    void inline_node(cmark_node* node, pugi::xml_node container)
    {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_LINEBREAK: container.append_child("line-break"); return;
        case CMARK_NODE_CODE: container.append_child("code").text().set(literal(node).c_str()); return;
        case CMARK_NODE_HTML_INLINE: raw(node, container); return;
        case CMARK_NODE_EMPH: inlines(node, container.append_child("em")); return;
        case CMARK_NODE_STRONG: inlines(node, container.append_child("strong")); return;
        case CMARK_NODE_IMAGE: image(node, container); return;
        case CMARK_NODE_LINK: {
            pugi::xml_node link = container.append_child("link");
            link.append_attribute("href") = cmark_node_get_url(node);
            const char* title = cmark_node_get_title(node);
            if (title && *title) link.append_attribute("title") = title;
            inlines(node, link);
            return;
        }
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            container.append_child("note-ref").append_attribute("note") = note_id(literal(node)).c_str();
            return;
        default: break;
        }
        if (type_name(node) == "strikethrough") inlines(node, container.append_child("strike"));
    }

    pugi::xml_node article_;
    BuildOptions options_;
    model::IdMaker ids_;
};

}  // namespace

void build_model(cmark_node* document, pugi::xml_node article, const BuildOptions& options)
{
    Builder(article, options).document(document);
}

}  // namespace mimeo::markdown
