#include "jats/write_front.hpp"

#include "jats/vocabulary.hpp"
#include "model/model.hpp"
#include "model/provenance.hpp"

namespace mimeo::jats {
namespace {

std::string field(pugi::xml_node node, const char* name) { return node.child(name).text().get(); }

// <pub-date> and related-article's <date>: the ISO date and its day, month and year.
void date_parts(pugi::xml_node date, const std::string& iso)
{
    date.append_attribute("iso-8601-date") = iso.c_str();
    if (iso.size() >= 10) date.append_child("day").text().set(iso.substr(8, 2).c_str());
    if (iso.size() >= 7) date.append_child("month").text().set(iso.substr(5, 2).c_str());
    date.append_child("year").text().set(iso.substr(0, 4).c_str());
}

void contributor(pugi::xml_node group, const char* type, const std::string& name)
{
    pugi::xml_node contrib = group.append_child("contrib");
    contrib.append_attribute("contrib-type") = type;
    contrib.append_child("string-name").text().set(name.c_str());
}

// "editors@example.org (The Editors)", as RSS writes it, becomes a name and an e-mail address.
void editor(pugi::xml_node group, const std::string& text)
{
    pugi::xml_node contrib = group.append_child("contrib");
    contrib.append_attribute("contrib-type") = "editor";
    const auto open = text.find(" (");
    if (open != std::string::npos && text.back() == ')' && text.substr(0, open).find('@') != std::string::npos) {
        contrib.append_child("string-name").text().set(text.substr(open + 2, text.size() - open - 3).c_str());
        contrib.append_child("email").text().set(text.substr(0, open).c_str());
    } else {
        contrib.append_child("string-name").text().set(text.c_str());
    }
}

void journal_meta(pugi::xml_node publication, pugi::xml_node front, BodyWriter& writer)
{
    if (!publication) return;
    pugi::xml_node meta = front.append_child("journal-meta");
    const std::string title = model::text_of(publication.child("title"));
    pugi::xml_node id = meta.append_child("journal-id");
    id.append_attribute("journal-id-type") = "publisher-id";
    const std::string slug = model::slugify(title);
    id.text().set(slug.empty() ? "journal" : slug.c_str());
    pugi::xml_node titles = meta.append_child("journal-title-group");
    pugi::xml_node journal_title = titles.append_child("journal-title");
    if (std::string lang = field(publication, "language"); !lang.empty())
        journal_title.append_attribute("xml:lang") = lang.c_str();
    write_inlines(publication.child("title"), journal_title, writer);
    if (pugi::xml_node tagline = publication.child("tagline"))
        write_inlines(tagline, titles.append_child("journal-subtitle"), writer);
    if (std::string name = field(publication, "editor"); !name.empty()) editor(meta.append_child("contrib-group"), name);
    if (std::string issn = field(publication, "issn"); !issn.empty()) meta.append_child("issn").text().set(issn.c_str());
    if (std::string publisher = field(publication, "publisher"); !publisher.empty())
        meta.append_child("publisher").append_child("publisher-name").text().set(publisher.c_str());
    if (std::string url = field(publication, "url"); !url.empty())
        meta.append_child("self-uri").append_attribute("xlink:href") = url.c_str();
}

void title_group(pugi::xml_node meta, pugi::xml_node article_meta, BodyWriter& writer)
{
    pugi::xml_node group = article_meta.append_child("title-group");
    write_inlines(meta.child("title"), group.append_child("article-title"), writer);
    if (pugi::xml_node subtitle = meta.child("subtitle")) write_inlines(subtitle, group.append_child("subtitle"), writer);
    // The original's title, in its language, is the title's translation the other way round.
    pugi::xml_node source = meta.child("source");
    if (source.child("title") && source.child("language")) {
        pugi::xml_node trans = group.append_child("trans-title-group");
        trans.append_attribute("xml:lang") = field(source, "language").c_str();
        write_inlines(source.child("title"), trans.append_child("trans-title"), writer);
    }
}

void contributors(pugi::xml_node article, pugi::xml_node article_meta)
{
    pugi::xml_node group;
    for (pugi::xml_node c : model::meta(article).children("contributor")) {
        if (!group) group = article_meta.append_child("contrib-group");
        contributor(group, c.attribute("role").value(), c.text().get());
    }
}

void pub_date(pugi::xml_node article_meta, const std::string& iso, const char* type)
{
    if (iso.empty()) return;
    pugi::xml_node date = article_meta.append_child("pub-date");
    date.append_attribute("publication-format") = "electronic";
    date.append_attribute("date-type") = type;
    date_parts(date, iso);
}

void permissions(pugi::xml_node meta, pugi::xml_node publication, pugi::xml_node article_meta)
{
    const std::string copyright = field(meta, "copyright");
    const std::string rights = field(publication, "rights");
    pugi::xml_node license = meta.child("license");
    if (copyright.empty() && rights.empty() && !license) return;
    pugi::xml_node permissions = article_meta.append_child("permissions");
    if (!copyright.empty()) permissions.append_child("copyright-statement").text().set(copyright.c_str());
    if (!rights.empty()) {
        pugi::xml_node statement = permissions.append_child("copyright-statement");
        statement.append_attribute("content-type") = publication_rights_type;
        statement.text().set(rights.c_str());
    }
    if (license) {
        pugi::xml_node out = permissions.append_child("license");
        if (const char* url = license.attribute("url").value(); *url) {
            out.append_attribute("xlink:href") = url;
            out.append_child("ali:license_ref").text().set(url);
        }
        out.append_child("license-p").text().set(license.text().get());
    }
}

// Where a translation or reprint first appeared: related-article holds every field.
void related_article(pugi::xml_node article, pugi::xml_node article_meta, BodyWriter& writer)
{
    pugi::xml_node source = model::meta(article).child("source");
    if (!source) return;
    const std::string language = field(source, "language");
    const bool translated = !language.empty() && language != model::language(article, "");
    pugi::xml_node related = article_meta.append_child("related-article");
    related.append_attribute("related-article-type") = translated ? translated_from : reprinted_from;
    if (!language.empty()) related.append_attribute("xml:lang") = language.c_str();
    if (std::string url = field(source, "url"); !url.empty()) {
        related.append_attribute("ext-link-type") = "uri";
        related.append_attribute("xlink:href") = url.c_str();
    }
    auto separator = [&] {
        if (related.first_child()) related.append_child(pugi::node_pcdata).set_value(", ");
    };
    if (pugi::xml_node title = source.child("title")) write_inlines(title, related.append_child("article-title"), writer);
    if (std::string publication = field(source, "publication"); !publication.empty()) {
        separator();
        related.append_child("source").text().set(publication.c_str());
    }
    if (std::string issue = field(source, "issue"); !issue.empty()) {
        separator();
        related.append_child("issue").text().set(issue.c_str());
    }
    if (std::string date = field(source, "date"); !date.empty()) {
        separator();
        pugi::xml_node out = related.append_child("date");
        date_parts(out, date);
    }
}

void custom_meta(pugi::xml_node article, pugi::xml_node article_meta)
{
    const std::string language = field(model::meta(article).child("source"), "language");
    if (language.empty()) return;
    pugi::xml_node custom = article_meta.append_child("custom-meta-group").append_child("custom-meta");
    custom.append_child("meta-name").text().set(source_language_meta);
    custom.append_child("meta-value").text().set(language.c_str());
}

void article_meta(pugi::xml_node issue, pugi::xml_node article, pugi::xml_node front, BodyWriter& writer)
{
    pugi::xml_node meta = model::meta(article);
    pugi::xml_node out = front.append_child("article-meta");
    pugi::xml_node id = out.append_child("article-id");
    id.append_attribute("pub-id-type") = "publisher-id";
    id.text().set(model::slug(article).c_str());
    if (std::string doi = field(meta, "doi"); !doi.empty()) {
        pugi::xml_node doi_id = out.append_child("article-id");
        doi_id.append_attribute("pub-id-type") = "doi";
        doi_id.text().set(doi.c_str());
    }
    title_group(meta, out, writer);
    contributors(article, out);
    pub_date(out, field(meta, "date"), "pub");
    pub_date(out, field(issue, "date"), "collection");
    if (std::string volume = field(issue, "volume"); !volume.empty()) out.append_child("volume").text().set(volume.c_str());
    if (std::string number = field(issue, "number"); !number.empty()) out.append_child("issue").text().set(number.c_str());
    if (pugi::xml_node issue_title = issue.child("title")) write_inlines(issue_title, out.append_child("issue-title"), writer);
    permissions(meta, model::publication(issue), out);
    if (std::string url = field(meta, "url"); !url.empty())
        out.append_child("self-uri").append_attribute("xlink:href") = url.c_str();
    related_article(article, out, writer);
    if (pugi::xml_node summary = meta.child("summary"))
        write_inlines(summary, out.append_child("abstract").append_child("p"), writer);
    const auto tags = model::tags(article);
    if (!tags.empty()) {
        pugi::xml_node group = out.append_child("kwd-group");
        for (const auto& tag : tags) group.append_child("kwd").text().set(tag.c_str());
    }
    custom_meta(article, out);
}

}  // namespace

void write_front(pugi::xml_node issue, pugi::xml_node article, pugi::xml_node jats_article, BodyWriter& writer)
{
    pugi::xml_node front = jats_article.append_child("front");
    journal_meta(model::publication(issue), front, writer);
    article_meta(issue, article, front, writer);
}

std::string article_language(pugi::xml_node issue, pugi::xml_node article)
{
    std::string language = model::language(article, "");
    return language.empty() ? field(model::publication(issue), "language") : language;
}

std::vector<std::string> missing_metadata(pugi::xml_node issue, pugi::xml_node article)
{
    std::vector<std::string> missing;
    if (model::text_of(model::publication(issue).child("title")).empty()) missing.push_back("journal title");
    if (field(model::meta(article), "date").empty() && field(issue, "date").empty()) missing.push_back("publication date");
    if (model::title(article).empty()) missing.push_back("title");
    if (article_language(issue, article).empty()) missing.push_back("language");
    return missing;
}

}  // namespace mimeo::jats
