// JATS inline elements -> the model's inlines (declared in read_body.hpp).
#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "jats/read_body.hpp"
#include "jats/vocabulary.hpp"
#include "model/model.hpp"

namespace mimeo::jats {
namespace {

// Phrase elements with no counterpart in the model: their content is kept, silently.
bool plain_phrase(std::string_view name)
{
    return among(name, {"abbrev", "roman", "sans-serif", "overline", "label", "x", "private-char", "glyph-ref",
                        "named-content", "styled-content", "source", "article-title", "year", "volume", "issue",
                        "person-group", "string-name", "name", "surname", "given-names", "etal", "collab",
                        "publisher-name", "publisher-loc", "fpage", "lpage", "pub-id", "date", "day", "month",
                        "chapter-title", "edition", "comment", "mixed-citation", "element-citation", "citation-alternatives",
                        "ruby", "rb", "rt", "hr", "index-term", "milestone-start", "milestone-end", "title"});
}

}  // namespace

void read_inlines(pugi::xml_node element, pugi::xml_node out, BodyReader& reader)
{
    for (pugi::xml_node child : element.children()) read_inline(child, out, reader);
}

namespace {

// The formula a <tex-math> holds, out of the LaTeX document PMC wraps it in, and out of its `$`s.
std::string formula_tex(std::string tex)
{
    const auto begin = tex.find("\\begin{document}"), end = tex.rfind("\\end{document}");
    if (begin == std::string::npos || end == std::string::npos || end < begin) return tex;
    tex = tex.substr(begin + 16, end - begin - 16);
    const auto first = tex.find_first_not_of(" \t\n"), last = tex.find_last_not_of(" \t\n");
    if (first == std::string::npos) return "";
    tex = tex.substr(first, last - first + 1);
    for (const char* fence : {"$$", "$"}) {
        const std::size_t n = std::string_view(fence).size();
        if (tex.size() >= 2 * n && tex.compare(0, n, fence) == 0 && tex.compare(tex.size() - n, n, fence) == 0)
            return tex.substr(n, tex.size() - 2 * n);
    }
    return tex;
}

// A formula: its TeX and its MathML, copied as they are (with their namespace), its id and
// label; one given only as a picture stays a picture. `f` is an inline-formula or
// disp-formula, or an <mml:math> written straight into the text, as older NLM articles do.
void formula(pugi::xml_node f, pugi::xml_node out, bool display, BodyReader& reader)
{
    pugi::xml_node alternatives = f.child("alternatives");
    auto find = [&](const char* name) { return f.child(name) ? f.child(name) : alternatives.child(name); };
    pugi::xml_node tex = find("tex-math"), mathml = std::string_view(f.name()) == "mml:math" ? f : find("mml:math");
    const std::string id = f.attribute("id").value();
    if (!tex && !mathml) {
        if (pugi::xml_node graphic = find("graphic") ? find("graphic") : find("inline-graphic")) {
            if (!id.empty()) out.append_child("anchor").append_attribute("id") = id.c_str();
            read_inline(graphic, out, reader);
            return;
        }
    }
    pugi::xml_node math = out.append_child("math");
    math.append_attribute("display") = display ? "block" : "inline";
    if (!id.empty()) math.append_attribute("id") = id.c_str();
    if (std::string label = all_text(f.child("label")); !label.empty()) math.append_attribute("label") = label.c_str();
    const std::string text = tex ? formula_tex(all_text(tex)) : mathml ? "" : all_text(f);
    if ((tex || mathml) && find("textual-form")) ++reader.textual_forms;
    if (!text.empty()) math.append_child(pugi::node_pcdata).set_value(text.c_str());
    if (mathml) {
        pugi::xml_node copy = math.append_copy(mathml);
        copy.remove_attribute("xmlns:mml");
        copy.prepend_attribute("xmlns:mml") = model::mathml_namespace;
        // The id of MathML written straight into the text is the formula's, and one the same
        // as its formula's is said twice: either is kept once, on the model's <math>.
        if (pugi::xml_attribute own = copy.attribute("id"); own && (f == mathml || id == own.value())) {
            if (id.empty()) math.insert_attribute_after("id", math.attribute("display")) = own.value();
            copy.remove_attribute(own);
        }
    }
}

}  // namespace

void read_inline(pugi::xml_node child, pugi::xml_node out, BodyReader& reader)
{
    {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            out.append_child(pugi::node_pcdata).set_value(child.value());
            return;
        }
        if (child.type() == pugi::node_pi) {
            std::string format;
            std::string content = raw_content(child.value(), format);
            pugi::xml_node raw = out.append_child("raw");
            raw.append_attribute("format") = format.c_str();
            raw.text().set(content.c_str());
            return;
        }
        if (child.type() != pugi::node_element) return;
        const std::string_view name = child.name();
        static const std::pair<std::string_view, const char*> styles[] = {
            {"italic", "em"}, {"bold", "strong"}, {"strike", "strike"}, {"underline", "underline"},
            {"sup", "sup"},   {"sub", "sub"},     {"sc", "smallcaps"}};
        const auto style = std::find_if(std::begin(styles), std::end(styles), [&](const auto& s) { return s.first == name; });
        if (style != std::end(styles)) {
            read_inlines(child, out.append_child(style->second), reader);
        } else if (name == "monospace") {
            out.append_child("code").text().set(all_text(child).c_str());
        } else if (name == "ext-link" || name == "uri" || name == "email") {
            std::string href = child.attribute("xlink:href").value();
            if (href.empty()) href = (name == "email" ? "mailto:" : "") + all_text(child);
            // A DOI link written as the bare DOI ("10.7554/eLife.00666") points at its resolver.
            if (std::string_view(child.attribute("ext-link-type").value()) == "doi" && href.rfind("10.", 0) == 0)
                href = "https://doi.org/" + href;
            if (href.empty()) return;
            pugi::xml_node link = out.append_child("link");
            link.append_attribute("href") = href.c_str();
            if (pugi::xml_attribute title = child.attribute("xlink:title"); title && title.value() != generated_link_title(href))
                link.append_attribute("title") = title.value();
            read_inlines(child, link, reader);
        } else if (name == "inline-graphic" || name == "graphic") {
            const char* src = child.attribute("xlink:href").value();
            if (!*src) return;
            pugi::xml_node image = out.append_child("image");
            image.append_attribute("src") = graphic_src(src, reader).c_str();
            if (pugi::xml_node alt = child.child("alt-text")) image.append_attribute("alt") = all_text(alt).c_str();
            if (pugi::xml_attribute title = child.attribute("xlink:title")) image.append_attribute("title") = title.value();
        } else if (name == "xref") {
            std::string rid = child.attribute("rid").value();
            rid = rid.substr(0, rid.find(' '));
            const std::string_view type = child.attribute("ref-type").value();
            if (type == "fn" && reader.note_ids.count(rid)) {
                out.append_child("note-ref").append_attribute("note") = rid.c_str();
            } else if (!rid.empty()) {
                // Resolved when the whole article is read (settle_references): a target the model
                // does not keep leaves the content as text.
                pugi::xml_node xref = out.append_child("xref");
                xref.append_attribute("target") = rid.c_str();
                xref.append_attribute("kind") = type == "bibr"                               ? "reference"
                                                : type == "fig"                              ? "figure"
                                                : type == "table"                            ? "table"
                                                : among(type, {"disp-formula", "chem"})      ? "equation"
                                                : among(type, {"sec", "app"})                ? "section"
                                                                                             : "other";
                read_inlines(child, xref, reader);
            } else {
                read_inlines(child, out, reader);
            }
        } else if (name == "fn") {
            // A footnote written where it is referenced: the note goes to <notes>, a reference stays here.
            const std::string id = read_note(child, "footnote", reader);
            out.append_child("note-ref").append_attribute("note") = id.c_str();
        } else if ((name == "named-content" || name == "styled-content") &&
                   std::string_view(child.attribute("content-type").value()) == line_break_type) {
            out.append_child("line-break");
        } else if (name == "break") {
            out.append_child("line-break");
        } else if (name == "named-content" && std::string_view(child.attribute("content-type").value()) == quotation_type) {
            read_inlines(child, out.append_child("q"), reader);
        } else if ((name == "named-content" || name == "styled-content") &&
                   (child.attribute("xml:lang") || std::string_view(child.attribute("content-type").value()) == span_type)) {
            pugi::xml_node span = out.append_child("span");
            if (pugi::xml_attribute lang = child.attribute("xml:lang")) span.append_attribute("lang") = lang.value();
            read_inlines(child, span, reader);
        } else if (name == "target") {
            if (const char* id = child.attribute("id").value(); *id) out.append_child("anchor").append_attribute("id") = id;
        } else if (name == "inline-formula" || name == "disp-formula") {
            formula(child, out, name == "disp-formula", reader);
        } else if (name == "mml:math") {
            formula(child, out, std::string_view(child.attribute("display").value()) == "block", reader);
        } else {
            if (!plain_phrase(name)) note_unknown(child, reader);
            read_inlines(child, out, reader);
        }
    }
}

}  // namespace mimeo::jats
