#include "epub/navigation.hpp"

#include <algorithm>

#include "epub/pages.hpp"
#include "epub/stylesheet.hpp"
#include "html/escape.hpp"
#include "model/model.hpp"
#include "model/provenance.hpp"
#include "model/wording.hpp"

namespace mimeo::epub {
namespace {

void add_sections(pugi::xml_node parent, const std::string& href, int depth, std::vector<TocEntry>& out)
{
    if (depth <= 0) return;
    for (pugi::xml_node section : parent.children("section")) {
        std::string id = section.attribute("id").value();
        std::string title = model::text_of(section.child("heading"));
        if (id.empty() || title.empty()) {
            add_sections(section, href, depth, out);  // its subsections take its place
            continue;
        }
        TocEntry entry{title, href + "#" + id, {}, {}, {}, {}, {}};
        add_sections(section, href, depth - 1, entry.children);
        out.push_back(std::move(entry));
    }
}

void nav_list(const std::vector<TocEntry>& entries, std::string& out, const std::string& indent, const std::string& lang)
{
    out += indent + "<ol>\n";
    for (const TocEntry& entry : entries) {
        out += indent + "  <li><a href=\"";
        html::escape_url(entry.href, out);
        out += "\"";
        if (!entry.lang.empty() && entry.lang != lang) out += " lang=\"" + html::escape(entry.lang) + "\" xml:lang=\"" + html::escape(entry.lang) + "\"";
        out += ">";
        html::escape(entry.title, out);
        out += "</a>";
        if (!entry.children.empty()) {
            out += "\n";
            nav_list(entry.children, out, indent + "    ", entry.lang.empty() ? lang : entry.lang);
            out += indent + "  ";
        }
        out += "</li>\n";
    }
    out += indent + "</ol>\n";
}

int depth_of(const std::vector<TocEntry>& entries)
{
    int deepest = 0;
    for (const TocEntry& entry : entries) deepest = std::max(deepest, 1 + depth_of(entry.children));
    return deepest;
}

void nav_points(const std::vector<TocEntry>& entries, std::string& out, int& order, const std::string& indent)
{
    for (const TocEntry& entry : entries) {
        ++order;
        out += indent + "<navPoint id=\"point-" + std::to_string(order) + "\" playOrder=\"" + std::to_string(order) +
               "\">\n" + indent + "  <navLabel><text>";
        html::escape(entry.title, out);
        out += "</text></navLabel>\n" + indent + "  <content src=\"";
        html::escape_url(entry.href, out);
        out += "\" />\n";
        nav_points(entry.children, out, order, indent + "  ");
        out += indent + "</navPoint>\n";
    }
}

// The contents as a magazine sets them: each article's title, dek and byline, under the
// heading of its section when the articles have sections (consecutive ones share it).
std::string contents_page(const Book& book, const std::string& heading)
{
    std::string out = "<section class=\"contents\" id=\"contents\">\n<h1>" + heading + "</h1>\n";
    const bool sections = std::any_of(book.toc.begin(), book.toc.end(), [](const TocEntry& e) { return !e.section.empty(); });
    std::string current;
    bool open = false;
    for (const TocEntry& entry : book.toc) {
        if (!open || (sections && entry.section != current)) {
            if (open) out += "</ol>\n";
            if (sections && !entry.section.empty()) out += "<h2 class=\"contents-section\">" + html::escape(entry.section) + "</h2>\n";
            out += "<ol class=\"contents-list\">\n";
            current = entry.section;
            open = true;
        }
        const std::string lang = entry.lang.empty() || entry.lang == book.language
                                     ? ""
                                     : " lang=\"" + html::escape(entry.lang) + "\" xml:lang=\"" + html::escape(entry.lang) + "\"";
        out += "<li" + lang + "><a class=\"contents-title\" href=\"";
        html::escape_url(entry.href, out);
        out += "\">" + html::escape(entry.title) + "</a>";
        if (!entry.dek.empty()) out += "<p class=\"contents-dek\">" + html::escape(entry.dek) + "</p>";
        if (!entry.byline.empty()) out += "<p class=\"contents-byline\">" + html::escape(entry.byline) + "</p>";
        out += "</li>\n";
    }
    if (open) out += "</ol>\n";
    return out + "</section>\n";
}

}  // namespace

TocEntry article_entry(pugi::xml_node article, const std::string& href, int depth)
{
    TocEntry entry{model::title(article), href, model::language(article, ""), {}, {}, {}, {}};
    entry.dek = model::meta_text(article, "subtitle");
    if (entry.dek.empty()) entry.dek = model::meta_text(article, "summary");
    entry.byline = model::byline(article);
    entry.section = model::meta_text(article, "subject");
    add_sections(model::body(article), href, depth - 1, entry.children);
    return entry;
}

std::string nav_document(const Book& book, const std::string& title)
{
    const std::string& lang = book.language;
    const std::string contents = html::escape(model::say(lang, "contents"));
    // The reading system's contents, hidden; the page shows a magazine's instead.
    std::string out = "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\" hidden=\"hidden\">\n<h1>" + contents + "</h1>\n";
    nav_list(book.toc, out, "", book.language);
    out += "</nav>\n" + contents_page(book, contents) + "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>" +
           html::escape(model::say(lang, "landmarks")) + "</h2>\n<ol>\n";
    if (!book.cover_href.empty())
        out += "  <li><a epub:type=\"cover\" href=\"" + html::escape(book.cover_href) + "\">" +
               html::escape(model::say(lang, "cover")) + "</a></li>\n";
    out += std::string("  <li><a epub:type=\"toc\" href=\"") + nav_href + "#contents\">" + contents + "</a></li>\n";
    if (!book.bodymatter_href.empty())
        out += "  <li><a epub:type=\"bodymatter\" href=\"" + html::escape(book.bodymatter_href) + "\">" +
               html::escape(model::say(lang, "start")) + "</a></li>\n";
    out += "</ol>\n</nav>\n";
    return xhtml_page(title, book.language, stylesheet_href, out);
}

std::string ncx_document(const Book& book, const std::string& title)
{
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"" +
                      html::escape(book.language) + "\">\n<head>\n  <meta name=\"dtb:uid\" content=\"" +
                      html::escape(book.identifier) + "\" />\n  <meta name=\"dtb:depth\" content=\"" +
                      std::to_string(std::max(1, depth_of(book.toc))) +
                      "\" />\n  <meta name=\"dtb:totalPageCount\" content=\"0\" />\n"
                      "  <meta name=\"dtb:maxPageNumber\" content=\"0\" />\n</head>\n<docTitle><text>";
    html::escape(title, out);
    out += "</text></docTitle>\n<navMap>\n";
    int order = 0;
    nav_points(book.toc, out, order, "  ");
    out += "</navMap>\n</ncx>\n";
    return out;
}

}  // namespace mimeo::epub
