#include "model/model.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdio>

namespace mimeo::model {
namespace {

const std::vector<std::string_view> meta_order = {
    "title",     "subtitle", "contributor", "affiliation", "date",    "history",   "language", "slug",
    "url",       "doi",      "type",        "journal",     "elocation",   "pages",   "subject",   "tag",      "summary",
    "abstract",  "license",  "copyright",   "funding",     "source",  "weight",
    "alias",     "draft"};

const std::vector<std::string_view> issue_order = {"publication", "number", "volume", "date", "title", "articles"};

void collect_text(pugi::xml_node node, std::string& out)
{
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            out += child.value();
            continue;
        }
        std::string_view name = child.name();
        // A formula's MathML says again what its TeX says, in markup.
        if (name == "note-ref" || name == "raw" || name == "anchor" || name.substr(0, 4) == "mml:") continue;
        if (name == "line-break") {
            out += ' ';
            continue;
        }
        if (name == "image") {
            out += child.attribute("alt").value();
            continue;
        }
        collect_text(child, out);
    }
}

}  // namespace

pugi::xml_node new_article(pugi::xml_document& doc)
{
    pugi::xml_node article = doc.append_child("article");
    article.append_attribute("xmlns") = namespace_uri;
    article.append_child("meta");
    article.append_child("body");
    return article;
}

pugi::xml_node new_issue(pugi::xml_document& doc)
{
    pugi::xml_node issue = doc.append_child("issue");
    issue.append_attribute("xmlns") = namespace_uri;
    issue.append_child("articles");
    return issue;
}

pugi::xml_node article_of(const pugi::xml_document& doc) { return doc.child("article"); }
pugi::xml_node issue_of(const pugi::xml_document& doc) { return doc.child("issue"); }
pugi::xml_node meta(pugi::xml_node article) { return article.child("meta"); }
pugi::xml_node body(pugi::xml_node article) { return article.child("body"); }
pugi::xml_node notes(pugi::xml_node article) { return article.child("notes"); }
pugi::xml_node publication(pugi::xml_node issue) { return issue.child("publication"); }

std::vector<pugi::xml_node> articles(pugi::xml_node issue)
{
    std::vector<pugi::xml_node> result;
    for (pugi::xml_node a : issue.child("articles").children("article")) result.push_back(a);
    return result;
}

pugi::xml_node ordered_child(pugi::xml_node parent, const char* name, const std::vector<std::string_view>& order)
{
    if (pugi::xml_node existing = parent.child(name)) return existing;
    auto rank = [&](std::string_view n) {
        return std::find(order.begin(), order.end(), n) - order.begin();
    };
    const auto wanted = rank(name);
    for (pugi::xml_node child : parent.children()) {
        if (child.type() == pugi::node_element && rank(child.name()) > wanted)
            return parent.insert_child_before(name, child);
    }
    return parent.append_child(name);
}

pugi::xml_node next_in_tree(pugi::xml_node node, pugi::xml_node root)
{
    if (node.first_child()) return node.first_child();
    while (node != root && !node.next_sibling()) node = node.parent();
    return node == root ? pugi::xml_node() : node.next_sibling();
}

pugi::xml_node meta_field(pugi::xml_node article, const char* name)
{
    return ordered_child(meta(article), name, meta_order);
}

pugi::xml_node issue_field(pugi::xml_node issue, const char* name)
{
    return ordered_child(issue, name, issue_order);
}

pugi::xml_node append_meta_field(pugi::xml_node article, const char* name)
{
    pugi::xml_node m = meta(article);
    pugi::xml_node last;
    for (pugi::xml_node child : m.children(name)) last = child;
    if (last) return m.insert_child_after(name, last);
    return meta_field(article, name);
}

std::string text_of(pugi::xml_node node)
{
    std::string out;
    collect_text(node, out);
    return out;
}

std::string meta_text(pugi::xml_node article, const char* name) { return text_of(meta(article).child(name)); }
std::string title(pugi::xml_node article) { return meta_text(article, "title"); }
std::string slug(pugi::xml_node article) { return meta_text(article, "slug"); }

pugi::xml_node revision(pugi::xml_node article)
{
    return meta(article).child("history").find_child_by_attribute("date", "type", "updated");
}

std::string language(pugi::xml_node article, const std::string& fallback)
{
    std::string lang = meta_text(article, "language");
    return lang.empty() ? fallback : lang;
}

std::vector<std::string> contributors(pugi::xml_node article, std::string_view role)
{
    std::vector<std::string> names;
    for (pugi::xml_node c : meta(article).children("contributor"))
        if (role == c.attribute("role").value()) names.push_back(c.text().get());
    return names;
}

void settle_elocation(pugi::xml_node article, pugi::xml_node issue, std::size_t position)
{
    pugi::xml_node elocation = meta(article).child("elocation");
    if (std::string_view(elocation.text().get()) != "auto") return;
    std::string number;
    for (char c : std::string(issue.child("number").text().get()))
        if (c >= '0' && c <= '9') number += c;
    std::string place = std::to_string(position);
    if (place.size() < 3) place.insert(0, 3 - place.size(), '0');
    elocation.text().set(("e" + number + place).c_str());
}

std::string caption_lead(pugi::xml_node node)
{
    std::string lead = node.attribute("label").value();
    auto end_sentence = [&] {
        if (!lead.empty() && lead.back() != '.' && lead.back() != ':') lead += ".";
    };
    end_sentence();
    if (std::string title = text_of(node.child("title")); !title.empty()) {
        lead += (lead.empty() ? "" : " ") + title;
        end_sentence();
    }
    return lead;
}

std::string math_text(pugi::xml_node math)
{
    if (std::string tex = math.text().get(); !tex.empty()) return tex;
    std::string words;
    for (const pugi::xpath_node& text : math.select_nodes(".//*[local-name()='math']//text()")) words += text.node().value();
    return words;
}

std::vector<std::string> split_words(std::string_view value)
{
    std::vector<std::string> words;
    for (std::size_t start = 0; (start = value.find_first_not_of(" \t\n", start)) != std::string_view::npos;) {
        const std::size_t end = std::min(value.find_first_of(" \t\n", start), value.size());
        words.emplace_back(value.substr(start, end - start));
        start = end;
    }
    return words;
}

std::vector<std::string> tags(pugi::xml_node article)
{
    std::vector<std::string> result;
    for (pugi::xml_node t : meta(article).children("tag")) result.push_back(t.text().get());
    return result;
}

pugi::xml_node find_note(pugi::xml_node article, std::string_view id)
{
    for (pugi::xml_node note : notes(article).children("note"))
        if (id == note.attribute("id").value()) return note;
    return {};
}

std::string slugify(std::string_view text)
{
    std::string out;
    bool pending_dash = false;
    int32_t i = 0;
    const int32_t length = static_cast<int32_t>(text.size());
    while (i < length) {
        UChar32 c;
        int32_t start = i;
        U8_NEXT(text.data(), i, length, c);
        if (c >= 0 && u_isalnum(c)) {
            if (pending_dash && !out.empty()) out += '-';
            pending_dash = false;
            UChar32 lower = u_tolower(c);
            if (lower < 0x80) {
                out += static_cast<char>(lower);
            } else {
                char buffer[U8_MAX_LENGTH];
                int32_t n = 0;
                UBool error = false;
                U8_APPEND(buffer, n, U8_MAX_LENGTH, lower, error);
                if (error) out.append(text.data() + start, i - start);
                else out.append(buffer, n);
            }
        } else {
            pending_dash = true;
        }
    }
    if (out.size() <= max_slug_bytes) return out;
    // A slug names files: with an extension and the staging name around it, it must stay
    // inside the 255 bytes a file name may have. Cut at a character, and keep a hash of the
    // whole so that two long titles alike in their first 170 bytes still differ.
    char suffix[10];
    std::snprintf(suffix, sizeof suffix, "-%08llx", static_cast<unsigned long long>(XXH3_64bits(out.data(), out.size()) & 0xffffffffu));
    std::size_t cut = max_slug_bytes - (sizeof suffix - 1);
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out + suffix;
}

namespace {

// Serializes straight into one string: an issue of thousands of articles is large, and
// a stream would hold it twice.
struct StringWriter : pugi::xml_writer {
    std::string text;
    void write(const void* data, std::size_t size) override { text.append(static_cast<const char*>(data), size); }
};

// Elements whose content is only other elements: indenting inside them changes no text.
// Everything else may hold mixed content, where added whitespace would change the text.
bool holds_only_elements(pugi::xml_node node)
{
    static const std::vector<std::string_view> names = {
        "issue", "publication", "articles", "article", "meta", "source", "body", "notes", "note",
        "section", "quote", "epigraph", "list", "item", "deflist", "definition", "table", "head",
        "rows", "row", "figure"};
    if (std::find(names.begin(), names.end(), node.name()) == names.end()) return false;
    for (pugi::xml_node child : node.children())
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) return false;
    return true;
}

void indent(pugi::xml_node node, const std::string& prefix)
{
    if (!holds_only_elements(node) || !node.first_child()) return;
    const std::string inner = prefix + "  ";
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        node.insert_child_before(pugi::node_pcdata, child).set_value(("\n" + inner).c_str());
        indent(child, inner);
    }
    node.append_child(pugi::node_pcdata).set_value(("\n" + prefix).c_str());
}

}  // namespace

std::string to_xml(const pugi::xml_document& doc)
{
    pugi::xml_document pretty;
    pretty.reset(doc);
    indent(pretty.document_element(), "");
    StringWriter out;
    pretty.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    // The declaration (the document's own, or pugixml's) on a line of its own.
    if (out.text.rfind("<?xml", 0) == 0) out.text.replace(out.text.find("?>") + 2, 0, 1, '\n');
    out.text += '\n';
    return std::move(out.text);
}

std::string to_compact_xml(const pugi::xml_document& doc)
{
    StringWriter out;
    doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    return std::move(out.text);
}

}  // namespace mimeo::model
