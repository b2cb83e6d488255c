#include "jats/write_front.hpp"

#include "common/standard_forms.hpp"
#include "jats/vocabulary.hpp"
#include "model/credit_roles.hpp"
#include "model/model.hpp"
#include "model/provenance.hpp"
#include "model/rights.hpp"

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

// A person's name in its parts, an organisation as <collab>, and a name whose parts are not
// known as it is written (<string-name>, which PMC does not take: the exporter warns).
void contributor_name(pugi::xml_node c, pugi::xml_node contrib)
{
    const std::string shown = c.text().get();
    if (c.attribute("collective").as_bool()) {
        contrib.append_child("collab").text().set(shown.c_str());
    } else if (const char* surname = c.attribute("surname").value(); *surname) {
        pugi::xml_node name = contrib.append_child("name");
        name.append_child("surname").text().set(surname);
        if (const char* given = c.attribute("given").value(); *given) name.append_child("given-names").text().set(given);
    } else {
        contrib.append_child("string-name").text().set(shown.c_str());  // parts unknown: jats-missing says so
    }
}

void contributor(pugi::xml_node group, pugi::xml_node c)
{
    pugi::xml_node contrib = group.append_child("contrib");
    contrib.append_attribute("contrib-type") = c.attribute("role").value();
    if (c.attribute("corresponding").as_bool()) contrib.append_attribute("corresp") = "yes";
    if (const char* orcid = c.attribute("orcid").value(); *orcid) {
        pugi::xml_node id = contrib.append_child("contrib-id");
        id.append_attribute("contrib-id-type") = "orcid";
        id.text().set(orcid);
    }
    contributor_name(c, contrib);
    if (const char* email = c.attribute("email").value(); *email) contrib.append_child("email").text().set(email);
    // CRediT as JATS4R tags it: the vocabulary, the term and their URLs.
    for (const std::string& slug : model::split_words(c.attribute("credit").value())) {
        const model::CreditRole* role = model::credit_role(slug);
        if (!role) continue;
        pugi::xml_node out = contrib.append_child("role");
        out.append_attribute("vocab") = "credit";
        out.append_attribute("vocab-identifier") = "https://credit.niso.org/";
        out.append_attribute("vocab-term") = std::string(role->name).c_str();
        out.append_attribute("vocab-term-identifier") =
            ("https://credit.niso.org/contributor-roles/" + std::string(role->slug) + "/").c_str();
        out.text().set(std::string(role->name).c_str());
    }
    for (const std::string& id : model::split_words(c.attribute("affiliations").value())) {
        pugi::xml_node xref = contrib.append_child("xref");
        xref.append_attribute("ref-type") = "aff";
        xref.append_attribute("rid") = id.c_str();
    }
}

// An affiliation as JATS4R recommends: the institution and its ROR id in <institution-wrap>.
void affiliation(pugi::xml_node group, pugi::xml_node a)
{
    pugi::xml_node aff = group.append_child("aff");
    aff.append_attribute("id") = a.attribute("id").value();
    pugi::xml_node wrap = aff.append_child("institution-wrap");
    if (std::string ror = field(a, "ror"); !ror.empty()) {
        pugi::xml_node id = wrap.append_child("institution-id");
        id.append_attribute("institution-id-type") = "ror";
        id.text().set(ror.c_str());
    }
    if (std::string department = field(a, "department"); !department.empty()) {
        pugi::xml_node dept = wrap.append_child("institution");
        dept.append_attribute("content-type") = "dept";
        dept.text().set(department.c_str());
    }
    if (std::string institution = field(a, "institution"); !institution.empty())
        wrap.append_child("institution").text().set(institution.c_str());
    if (std::string city = field(a, "city"); !city.empty()) {
        pugi::xml_node named = aff.append_child("addr-line").append_child("named-content");
        named.append_attribute("content-type") = "city";
        named.text().set(city.c_str());
    }
    if (std::string country = field(a, "country"); !country.empty()) {
        pugi::xml_node out = aff.append_child("country");
        if (std::string code = iso_country_code(country); !code.empty()) out.append_attribute("country") = code.c_str();
        out.text().set(country.c_str());
    }
}

// "editors@example.org (The Editors)", as RSS writes it, becomes the group's name and address.
void editor(pugi::xml_node group, const std::string& text)
{
    pugi::xml_node contrib = group.append_child("contrib");
    contrib.append_attribute("contrib-type") = "editor";
    const auto open = text.find(" (");
    if (open != std::string::npos && text.back() == ')' && text.substr(0, open).find('@') != std::string::npos) {
        contrib.append_child("collab").text().set(text.substr(open + 2, text.size() - open - 3).c_str());
        contrib.append_child("email").text().set(text.substr(0, open).c_str());
    } else {
        contrib.append_child("collab").text().set(text.c_str());
    }
}

// The publication the article is written for: the issue's, else the journal an article read
// from an archive was published in, so that its round trip keeps its journal-meta.
pugi::xml_node venue(pugi::xml_node issue, pugi::xml_node article)
{
    pugi::xml_node publication = model::publication(issue);
    return publication ? publication : model::meta(article).child("journal");
}

// The issue's field `name`; for an issue of no publication, else the archived article's
// journal's (`journal_name` there).
std::string issue_field(pugi::xml_node issue, pugi::xml_node article, const char* name, const char* journal_name)
{
    std::string value = field(issue, name);
    if (value.empty() && !model::publication(issue)) value = field(model::meta(article).child("journal"), journal_name);
    return value;
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
    for (pugi::xml_node issn : publication.children("issn")) {
        const bool print = std::string_view(issn.attribute("medium").value()) == "print";
        pugi::xml_node out = meta.append_child("issn");
        out.append_attribute("pub-type") = print ? "ppub" : "epub";
        out.append_attribute("publication-format") = print ? "print" : "electronic";
        out.text().set(issn.text().get());
    }
    if (std::string publisher = field(publication, "publisher"); !publisher.empty())
        meta.append_child("publisher").append_child("publisher-name").text().set(publisher.c_str());
    if (std::string url = field(publication, "url"); !url.empty()) {
        pugi::xml_node uri = meta.append_child("self-uri");
        uri.append_attribute("xlink:href") = url.c_str();
        uri.text().set(title.c_str());
    }
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
        contributor(group, c);
    }
    for (pugi::xml_node a : model::meta(article).children("affiliation")) {
        if (!group) group = article_meta.append_child("contrib-group");
        affiliation(group, a);
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

// The article's copyright year and holder, else those of the publication's rights line.
model::CopyrightParts copyright_parts(pugi::xml_node meta, pugi::xml_node publication)
{
    pugi::xml_node copyright = meta.child("copyright");
    if (*copyright.attribute("year").value() || *copyright.attribute("holder").value())
        return {copyright.attribute("year").value(), copyright.attribute("holder").value()};
    return model::copyright_parts(field(publication, "rights"));
}

void permissions(pugi::xml_node meta, pugi::xml_node publication, pugi::xml_node article_meta)
{
    pugi::xml_node copyright = meta.child("copyright");
    const std::string rights = field(publication, "rights");
    pugi::xml_node license = meta.child("license");
    if (!copyright && rights.empty() && !license) return;
    pugi::xml_node permissions = article_meta.append_child("permissions");
    if (std::string statement = copyright.text().get(); !statement.empty())
        permissions.append_child("copyright-statement").text().set(statement.c_str());
    // The publication's line only where the article has none of its own, which it would contradict.
    if (!rights.empty() && copyright.text().empty()) {
        pugi::xml_node statement = permissions.append_child("copyright-statement");
        statement.append_attribute("content-type") = publication_rights_type;
        statement.text().set(rights.c_str());
    }
    // Parts read from the publication's rights line are marked so, as its statement is.
    const model::CopyrightParts parts = copyright_parts(meta, publication);
    const bool own = *copyright.attribute("year").value() || *copyright.attribute("holder").value();
    for (const auto& [name, value] : {std::pair{"copyright-year", parts.year}, std::pair{"copyright-holder", parts.holder}}) {
        if (value.empty()) continue;
        pugi::xml_node out = permissions.append_child(name);
        if (!own) out.append_attribute("content-type") = publication_rights_type;
        out.text().set(value.c_str());
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
    related.append_attribute("id") = "source";
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
    // The first subject is the heading PMC shows the article under; the others its subjects.
    if (pugi::xml_node first = meta.child("subject")) {
        pugi::xml_node categories = out.append_child("article-categories");
        pugi::xml_node heading = categories.append_child("subj-group");
        heading.append_attribute("subj-group-type") = "heading";
        heading.append_child("subject").text().set(first.text().get());
        pugi::xml_node others;
        for (pugi::xml_node subject = first.next_sibling("subject"); subject; subject = subject.next_sibling("subject")) {
            if (!others) {
                others = categories.append_child("subj-group");
                others.append_attribute("subj-group-type") = "subject";
            }
            others.append_child("subject").text().set(subject.text().get());
        }
    }
    title_group(meta, out, writer);
    contributors(article, out);
    // An article in an issue is published when the issue is, unless it has its own date.
    const std::string published = field(meta, "date").empty() ? field(issue, "date") : field(meta, "date");
    pub_date(out, published, "pub");
    pub_date(out, field(issue, "date"), "collection");
    if (std::string volume = issue_field(issue, article, "volume", "volume"); !volume.empty())
        out.append_child("volume").text().set(volume.c_str());
    if (std::string number = issue_field(issue, article, "number", "number"); !number.empty())
        out.append_child("issue").text().set(number.c_str());
    if (pugi::xml_node issue_title = issue.child("title")) write_inlines(issue_title, out.append_child("issue-title"), writer);
    else if (std::string title = issue_field(issue, article, "title", "issue-title"); !title.empty())
        out.append_child("issue-title").text().set(title.c_str());
    if (pugi::xml_node pages = meta.child("pages")) {
        out.append_child("fpage").text().set(pages.attribute("first").value());
        if (const char* last = pages.attribute("last").value(); *last) out.append_child("lpage").text().set(last);
    } else if (std::string elocation = field(meta, "elocation"); !elocation.empty() && elocation != "auto") {
        out.append_child("elocation-id").text().set(elocation.c_str());
    }
    // The dates before publication are its history; a revision after it is an event of its
    // publication history (PMC's history takes only received, accepted, rev-recd, ...).
    pugi::xml_node out_history, pub_history;
    for (pugi::xml_node date : meta.child("history").children("date")) {
        const std::string_view type = date.attribute("type").value();
        pugi::xml_node parent;
        if (type == "updated") {
            if (!pub_history) pub_history = out.append_child("pub-history");
            pugi::xml_node event = pub_history.append_child("event");
            event.append_attribute("event-type") = "updated";
            event.append_child("event-desc").text().set("Updated");
            parent = event;
        } else {
            if (!out_history) out_history = pub_history ? out.insert_child_before("history", pub_history) : out.append_child("history");
            parent = out_history;
        }
        pugi::xml_node out_date = parent.append_child("date");
        out_date.append_attribute("date-type") = type.data();
        date_parts(out_date, date.text().get());
    }
    permissions(meta, model::publication(issue), out);
    if (std::string url = field(meta, "url"); !url.empty()) {
        pugi::xml_node uri = out.append_child("self-uri");
        uri.append_attribute("xlink:href") = url.c_str();
        uri.text().set(model::title(article).c_str());
    }
    related_article(article, out, writer);
    // The abstracts when the article has them (its summary is read from them), else the summary.
    if (meta.child("abstract")) {
        const std::string language = article_language(issue, article);
        auto translated = [&](pugi::xml_node a) {
            const std::string lang = a.attribute("language").value();
            return !lang.empty() && lang != language;
        };
        // The DTD wants every abstract before the translated ones.
        std::vector<pugi::xml_node> ordered;
        for (bool second : {false, true})
            for (pugi::xml_node abstract : meta.children("abstract"))
                if (translated(abstract) == second) ordered.push_back(abstract);
        for (pugi::xml_node abstract : ordered) {
            const std::string lang = abstract.attribute("language").value();
            pugi::xml_node jats = out.append_child(translated(abstract) ? "trans-abstract" : "abstract");
            if (const char* type = abstract.attribute("type").value(); *type) jats.append_attribute("abstract-type") = type;
            if (!lang.empty()) jats.append_attribute("xml:lang") = lang.c_str();
            if (pugi::xml_node title = abstract.child("title")) write_inlines(title, jats.append_child("title"), writer);
            write_blocks(abstract, jats, writer);
        }
    } else if (pugi::xml_node summary = meta.child("summary")) {
        write_inlines(summary, out.append_child("abstract").append_child("p"), writer);
    }
    const auto tags = model::tags(article);
    if (!tags.empty()) {
        pugi::xml_node group = out.append_child("kwd-group");
        for (const auto& tag : tags) group.append_child("kwd").text().set(tag.c_str());
    }
    if (meta.child("funding")) {
        pugi::xml_node group = out.append_child("funding-group");
        for (pugi::xml_node funding : meta.children("funding")) {
            pugi::xml_node award = group.append_child("award-group");
            // In an institution-wrap, with the funder's id when known, as JATS4R asks.
            pugi::xml_node wrap = award.append_child("funding-source").append_child("institution-wrap");
            if (const char* id = funding.attribute("funder-id").value(); *id) {
                pugi::xml_node funder_id = wrap.append_child("institution-id");
                funder_id.append_attribute("institution-id-type") =
                    std::string_view(id).find("ror.org") != std::string_view::npos ? "ror" : "doi";
                funder_id.text().set(id);
            }
            wrap.append_child("institution").text().set(funding.attribute("funder").value());
            if (const char* number = funding.attribute("award").value(); *number) award.append_child("award-id").text().set(number);
        }
    }
    custom_meta(article, out);
}

}  // namespace

void write_front(pugi::xml_node issue, pugi::xml_node article, pugi::xml_node jats_article, BodyWriter& writer)
{
    pugi::xml_node front = jats_article.append_child("front");
    journal_meta(venue(issue, article), front, writer);
    article_meta(issue, article, front, writer);
}

std::string article_language(pugi::xml_node issue, pugi::xml_node article)
{
    std::string language = model::language(article, "");
    return language.empty() ? field(model::publication(issue), "language") : language;
}

std::vector<std::string> archive_gaps(pugi::xml_node issue, pugi::xml_node article)
{
    std::vector<std::string> gaps;
    pugi::xml_node meta = model::meta(article);
    pugi::xml_node publication = model::publication(issue);
    if (!venue(issue, article).child("issn")) gaps.push_back("no ISSN (PMC): set publication.issn");
    if (!*meta.child("license").attribute("url").value())
        gaps.push_back("no licence URL (PMC, JATS4R): set license: to a URL or an SPDX id such as CC-BY-4.0");
    if (!meta.child("subject"))
        gaps.push_back("no article category (PMC): set subjects: (the first is the heading PMC files the article under)");
    if ((!meta.child("elocation") || field(meta, "elocation") == "auto") && !meta.child("pages"))
        gaps.push_back("no elocation-id or first page (PMC): set elocation: (auto numbers it by the issue) or pages:");
    for (pugi::xml_node c : meta.children("contributor"))
        if (!*c.attribute("surname").value() && !c.attribute("collective").as_bool())
            gaps.push_back("the name of " + std::string(c.attribute("role").value()) + " '" + c.text().get() +
                           "' has no parts (PMC): give it as {given, surname}, or {organization} for a group");
    const bool public_domain = std::string_view(meta.child("license").attribute("url").value()).find("publicdomain") !=
                               std::string_view::npos;
    const model::CopyrightParts copyright = copyright_parts(meta, publication);
    if (!public_domain && (copyright.year.empty() || copyright.holder.empty()))
        gaps.push_back("no copyright year and holder (JATS4R): set copyright: to '\u00A9 2025 Holder' or {year, holder}");
    return gaps;
}

std::vector<std::string> missing_metadata(pugi::xml_node issue, pugi::xml_node article)
{
    std::vector<std::string> missing;
    if (model::text_of(venue(issue, article).child("title")).empty()) missing.push_back("journal title");
    if (field(model::meta(article), "date").empty() && field(issue, "date").empty()) missing.push_back("publication date");
    if (model::title(article).empty()) missing.push_back("title");
    if (article_language(issue, article).empty()) missing.push_back("language");
    return missing;
}

}  // namespace mimeo::jats
