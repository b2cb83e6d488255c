#include "jats/write_article.hpp"

#include <sstream>
#include <string_view>

#include "jats/vocabulary.hpp"
#include "jats/write_front.hpp"
#include "model/model.hpp"
#include "model/provenance.hpp"

namespace mimeo::jats {
namespace {

// Numbers each note within its kind, as the <xref> and the <fn> show it.
void number_notes(pugi::xml_node article, BodyWriter& writer)
{
    int footnotes = 0, endnotes = 0;
    for (pugi::xml_node note : model::notes(article).children("note")) {
        const bool endnote = std::string_view(note.attribute("kind").value()) == "endnote";
        writer.note_labels[note.attribute("id").value()] = std::to_string(endnote ? ++endnotes : ++footnotes);
    }
}

void fn_group(pugi::xml_node article, pugi::xml_node back, const char* kind, const char* type, const char* title,
              BodyWriter& writer)
{
    pugi::xml_node group;
    for (pugi::xml_node note : model::notes(article).children("note")) {
        if (std::string_view(note.attribute("kind").value()) != kind) continue;
        if (!group) {
            group = back.append_child("fn-group");
            group.append_attribute("content-type") = type;
            group.append_child("title").text().set(title);
        }
        pugi::xml_node fn = group.append_child("fn");
        fn.append_attribute("id") = note.attribute("id").value();
        fn.append_child("label").text().set(writer.note_labels[note.attribute("id").value()].c_str());
        write_blocks(note, fn, writer);
    }
}

// The provenance sentence readers of the archive see; the data itself is in <related-article>.
void provenance(pugi::xml_node article, pugi::xml_node back)
{
    auto note = model::provenance_note(article);
    if (!note) return;
    pugi::xml_node notes = back.append_child("notes");
    notes.append_attribute("notes-type") = provenance_notes_type;
    pugi::xml_node p = notes.append_child("p");
    p.append_child(pugi::node_pcdata).set_value(note->lead.c_str());
    if (!note->publication.empty()) p.append_child("italic").text().set(note->publication.c_str());
    p.append_child(pugi::node_pcdata).set_value(note->tail.c_str());
    if (!note->url.empty()) {
        p.append_child(pugi::node_pcdata).set_value(" ");
        pugi::xml_node link = p.append_child("ext-link");
        link.append_attribute("ext-link-type") = "uri";
        link.append_attribute("xlink:href") = note->url.c_str();
        // JATS4R wants what the link leads to said: the original's title or publication.
        const std::string title = model::text_of(model::meta(article).child("source").child("title"));
        link.append_attribute("xlink:title") = (title.empty() ? "The original" + (note->publication.empty() ? "" : " in " + note->publication) : title).c_str();
        link.text().set(note->url.c_str());
    }
}

// The references: each citation as written (mixed-citation) and, when its parts are known,
// also tagged (element-citation), the two as citation-alternatives.
void ref_list(pugi::xml_node article, pugi::xml_node back, BodyWriter& writer)
{
    pugi::xml_node references = article.child("references");
    if (!references) return;
    pugi::xml_node list = back.append_child("ref-list");
    if (pugi::xml_node title = references.child("title")) write_inlines(title, list.append_child("title"), writer);
    for (pugi::xml_node reference : references.children("reference")) {
        pugi::xml_node ref = list.append_child("ref");
        ref.append_attribute("id") = reference.attribute("id").value();
        if (pugi::xml_node label = reference.child("label")) ref.append_child("label").text().set(label.text().get());
        const char* type = reference.attribute("type").value();
        const bool tagged = reference.find_child([](pugi::xml_node n) {
            const std::string_view name = n.name();
            return n.type() == pugi::node_element && name != "label" && name != "citation";
        });
        pugi::xml_node holder = tagged ? ref.append_child("citation-alternatives") : ref;
        pugi::xml_node mixed = holder.append_child("mixed-citation");
        if (*type) mixed.append_attribute("publication-type") = type;
        write_inlines(reference.child("citation"), mixed, writer);
        if (!tagged) continue;
        pugi::xml_node element = holder.append_child("element-citation");
        if (*type) element.append_attribute("publication-type") = type;
        if (reference.child("author")) {
            pugi::xml_node group = element.append_child("person-group");
            group.append_attribute("person-group-type") = "author";
            for (pugi::xml_node author : reference.children("author"))
                group.append_child("string-name").text().set(author.text().get());
        }
        if (pugi::xml_node title = reference.child("title")) write_inlines(title, element.append_child("article-title"), writer);
        if (pugi::xml_node container = reference.child("container")) write_inlines(container, element.append_child("source"), writer);
        for (const char* part : {"year", "volume", "issue"})
            if (pugi::xml_node value = reference.child(part)) element.append_child(part).text().set(value.text().get());
        if (std::string pages = reference.child("pages").text().get(); !pages.empty()) {
            const auto dash = pages.find('-');
            element.append_child("fpage").text().set(pages.substr(0, dash).c_str());
            if (dash != std::string::npos) element.append_child("lpage").text().set(pages.substr(dash + 1).c_str());
        }
        if (pugi::xml_node publisher = reference.child("publisher"))
            element.append_child("publisher-name").text().set(publisher.text().get());
        for (const char* id : {"doi", "pmid"})
            if (pugi::xml_node value = reference.child(id)) {
                pugi::xml_node pub_id = element.append_child("pub-id");
                pub_id.append_attribute("pub-id-type") = id;
                pub_id.text().set(value.text().get());
            }
        if (pugi::xml_node url = reference.child("url")) {
            pugi::xml_node link = element.append_child("ext-link");
            link.append_attribute("ext-link-type") = "uri";
            link.append_attribute("xlink:href") = url.text().get();
            link.text().set(url.text().get());
        }
    }
}

void back_matter(pugi::xml_node article, pugi::xml_node jats_article, BodyWriter& writer)
{
    pugi::xml_node back = jats_article.append_child("back");
    bool footnotes = false, endnotes = false;
    for (pugi::xml_node note : model::notes(article).children("note"))
        (std::string_view(note.attribute("kind").value()) == "endnote" ? endnotes : footnotes) = true;
    fn_group(article, back, "footnote", footnotes_type, endnotes ? "Footnotes" : "Notes", writer);
    fn_group(article, back, "endnote", endnotes_type, footnotes ? "Endnotes" : "Notes", writer);
    ref_list(article, back, writer);
    provenance(article, back);
    if (!back.first_child()) jats_article.remove_child(back);
}

// Elements whose content the DTD declares element-only: whitespace between their
// children is insignificant, so the file is indented there and nowhere else.
bool element_only(std::string_view name)
{
    static const std::string_view names[] = {
        "article", "front", "journal-meta", "journal-title-group", "contrib-group", "contrib", "publisher",
        "article-meta", "title-group", "trans-title-group", "pub-date", "permissions", "license", "abstract",
        "kwd-group", "custom-meta-group", "custom-meta", "body", "sec", "boxed-text", "disp-quote", "list",
        "list-item", "def-list", "def-item", "def", "table-wrap", "caption", "table", "thead", "tbody", "tr", "fig",
        "graphic", "inline-graphic", "back", "fn-group", "fn", "notes"};
    for (std::string_view n : names)
        if (n == name) return true;
    return false;
}

void indent(pugi::xml_node node, int depth)
{
    if (!element_only(node.name())) return;
    bool has_elements = false;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_pcdata) continue;  // none in element-only content but the indentation
        has_elements = true;
        node.insert_child_before(pugi::node_pcdata, child).set_value(("\n" + std::string(2 * (depth + 1), ' ')).c_str());
        indent(child, depth + 1);
    }
    if (has_elements) node.append_child(pugi::node_pcdata).set_value(("\n" + std::string(2 * depth, ' ')).c_str());
}

}  // namespace

std::string write_article(pugi::xml_node issue, pugi::xml_node article, const std::string& article_type,
                          BodyWriter& writer)
{
    number_notes(article, writer);
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("article");
    root.append_attribute("xmlns:xlink") = xlink_ns;
    root.append_attribute("xmlns:mml") = model::mathml_namespace;
    root.append_attribute("xmlns:ali") = ali_ns;
    root.append_attribute("dtd-version") = dtd_version;
    const std::string type = model::meta_text(article, "type");
    root.append_attribute("article-type") = type.empty() ? article_type.c_str() : type.c_str();
    if (std::string lang = article_language(issue, article); !lang.empty()) root.append_attribute("xml:lang") = lang.c_str();

    write_front(issue, article, root, writer);
    write_blocks(model::body(article), root.append_child("body"), writer);
    back_matter(article, root, writer);
    indent(root, 0);

    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE article PUBLIC \"" << public_id << "\" \"" << system_id
        << "\">\n";
    root.print(out, "", pugi::format_raw, pugi::encoding_utf8);
    out << '\n';
    return out.str();
}

}  // namespace mimeo::jats
