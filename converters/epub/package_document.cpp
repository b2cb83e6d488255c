#include "epub/package_document.hpp"

#include <algorithm>
#include <vector>

#include "html/escape.hpp"
#include "model/model.hpp"

namespace mimeo::epub {
namespace {

class Metadata {
public:
    // <name attributes>text</name>, skipped when text is empty.
    void element(const std::string& name, const std::string& text, const std::string& attributes = "")
    {
        if (text.empty()) return;
        out_ += "    <" + name + attributes + ">" + html::escape(text) + "</" + name + ">\n";
    }
    void meta(const std::string& property, const std::string& text, const std::string& refines = "",
              const std::string& scheme = "")
    {
        std::string attributes = " property=\"" + property + "\"";
        if (!refines.empty()) attributes = " refines=\"#" + refines + "\"" + attributes;
        if (!scheme.empty()) attributes += " scheme=\"" + scheme + "\"";
        element("meta", text, attributes);
    }
    // A dc:creator or dc:contributor with its MARC relator role.
    void person(const std::string& element_name, const std::string& name, const char* role)
    {
        const std::string id = (element_name == "dc:creator" ? "creator-" : "contributor-") + std::to_string(++people_);
        element(element_name, name, " id=\"" + id + "\"");
        meta("role", role, id, "marc:relators");
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
    int people_ = 0;
};

void add_unique(std::vector<std::string>& list, const std::string& value)
{
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

std::vector<std::string> gather(const Book& book, const char* role)
{
    std::vector<std::string> names;
    for (pugi::xml_node article : book.articles)
        for (const std::string& name : model::contributors(article, role)) add_unique(names, name);
    return names;
}

bool numeric(const std::string& text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
           text.front() != '.' && text.back() != '.';
}

std::string description(const Book& book)
{
    if (!book.whole_issue || book.articles.size() == 1) return model::meta_text(book.articles.front(), "summary");
    std::string text;
    pugi::xml_node publication = model::publication(book.issue);
    if (pugi::xml_node number = book.issue.child("number"); number && publication)
        text = "Issue " + std::string(number.text().get()) + " of " + model::text_of(publication.child("title")) + ": ";
    for (std::size_t i = 0; i < book.articles.size(); ++i) text += (i ? "; " : "") + model::title(book.articles[i]);
    return text + ".";
}

std::string rights(const Book& book)
{
    if (!book.whole_issue) {
        pugi::xml_node article = book.articles.front();
        std::string copyright = model::meta_text(article, "copyright");
        std::string license = model::meta_text(article, "license");
        if (!copyright.empty() || !license.empty())
            return copyright + (copyright.empty() || license.empty() ? "" : " ") + (license.empty() ? "" : "License: " + license + ".");
    }
    return model::publication(book.issue).child("rights").text().get();
}

void accessibility(Metadata& metadata, const Book& book)
{
    metadata.meta("schema:accessMode", "textual");
    if (book.has_images) metadata.meta("schema:accessMode", "visual");
    metadata.meta("schema:accessModeSufficient", book.all_images_described ? "textual" : "textual,visual");
    for (const char* feature : {"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"})
        metadata.meta("schema:accessibilityFeature", feature);
    if (book.has_images && book.all_images_described) metadata.meta("schema:accessibilityFeature", "alternativeText");
    metadata.meta("schema:accessibilityHazard", "none");
    std::string summary =
        "Reflowable text with a table of contents, headings for every article and section, and a logical reading order. "
        "Notes are linked from the text and link back to it.";
    if (book.has_images)
        summary += book.all_images_described ? " Every image has a text alternative."
                                             : " Some images have no text alternative.";
    metadata.meta("schema:accessibilitySummary", summary);
    // What Ace checks the book against, and who says so: the publisher, whose book it is.
    metadata.meta("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
    pugi::xml_node publication = model::publication(book.issue);
    std::string party = publication.child("publisher").text().get();
    if (party.empty()) party = model::text_of(publication.child("title"));
    metadata.meta("a11y:certifiedBy", party.empty() ? "mimeo" : party);
}

std::string metadata(const Book& book, const std::string& title)
{
    Metadata m;
    pugi::xml_node publication = model::publication(book.issue);
    pugi::xml_node first = book.articles.front();
    m.element("dc:identifier", book.identifier, " id=\"pub-id\"");
    m.element("dc:title", title, " id=\"title\"");
    m.meta("title-type", "main", "title");
    std::string subtitle = book.whole_issue ? model::text_of(book.issue.child("title")) : model::meta_text(first, "subtitle");
    if (subtitle != title && !subtitle.empty()) {
        m.element("dc:title", subtitle, " id=\"subtitle\"");
        m.meta("title-type", "subtitle", "subtitle");
    }
    std::vector<std::string> languages{book.language};
    for (pugi::xml_node article : book.articles) add_unique(languages, model::language(article, ""));
    for (const std::string& language : languages) m.element("dc:language", language);
    for (const std::string& name : gather(book, "author")) m.person("dc:creator", name, "aut");
    for (const std::string& name : gather(book, "translator")) m.person("dc:contributor", name, "trl");
    for (const std::string& name : gather(book, "editor")) m.person("dc:contributor", name, "edt");
    m.element("dc:publisher", publication.child("publisher").text().get());
    std::string date = book.whole_issue ? book.issue.child("date").text().get() : model::meta_text(first, "date");
    if (date.empty()) date = book.issue.child("date").text().get();
    m.element("dc:date", date);
    std::vector<std::string> subjects;
    for (pugi::xml_node article : book.articles)
        for (const std::string& tag : model::tags(article)) add_unique(subjects, tag);
    for (const std::string& subject : subjects) m.element("dc:subject", subject);
    m.element("dc:rights", rights(book));
    m.element("dc:description", description(book));
    if (!book.whole_issue) m.element("dc:source", first.child("meta").child("source").child("url").text().get());
    m.meta("dcterms:modified", book.modified);
    if (publication) {
        m.element("meta", model::text_of(publication.child("title")), " property=\"belongs-to-collection\" id=\"collection\"");
        m.meta("collection-type", "series", "collection");
        if (std::string number = book.issue.child("number").text().get(); numeric(number))
            m.meta("group-position", number, "collection");
        if (std::string issn = publication.child("issn").text().get(); !issn.empty())
            m.meta("dcterms:identifier", "urn:issn:" + issn, "collection");
        // The volume the issue belongs to, a set within the series.
        if (std::string volume = book.issue.child("volume").text().get(); !volume.empty()) {
            m.element("meta", model::text_of(publication.child("title")) + ", Volume " + volume,
                      " property=\"belongs-to-collection\" id=\"volume\"");
            m.meta("collection-type", "set", "volume");
        }
    }
    accessibility(m, book);
    return m.take();
}

}  // namespace

std::string package_document(const Book& book, const std::string& title)
{
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"pub-id\" xml:lang=\"" +
                      html::escape(book.language) + "\">\n  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
    out += metadata(book, title);
    // EPUB 2 readers find the cover image through this.
    const bool cover_image = std::any_of(book.items.begin(), book.items.end(),
                                         [](const Item& item) { return item.properties == "cover-image"; });
    if (cover_image) out += "    <meta name=\"cover\" content=\"cover-image\" />\n";
    out += "  </metadata>\n  <manifest>\n";
    for (const Item& item : book.items) {
        out += "    <item id=\"" + html::escape(item.id) + "\" href=\"";
        html::escape_url(item.href, out);
        out += "\" media-type=\"" + item.media_type + "\"";
        if (!item.properties.empty()) out += " properties=\"" + item.properties + "\"";
        out += " />\n";
    }
    out += "  </manifest>\n  <spine toc=\"ncx\">\n";
    for (const std::string& id : book.spine) out += "    <itemref idref=\"" + html::escape(id) + "\" />\n";
    out += "  </spine>\n</package>\n";
    return out;
}

}  // namespace mimeo::epub
