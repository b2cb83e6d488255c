#include "jats/read_front.hpp"

#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <string_view>

#include "common/standard_forms.hpp"
#include "jats/vocabulary.hpp"
#include "model/credit_roles.hpp"
#include "model/model.hpp"

namespace mimeo::jats {
namespace {

std::string text(pugi::xml_node node)
{
    std::string out;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
        else if (child.type() == pugi::node_element) out += text(child);
    }
    return trimmed(out);
}

std::string two_digits(const std::string& number)
{
    if (number.empty() || number.size() > 2 || !std::isdigit(static_cast<unsigned char>(number[0]))) return "";
    return number.size() == 1 ? "0" + number : number;
}

// @iso-8601-date, else <year>, <month>, <day>; empty when neither gives a date.
std::string date_of(pugi::xml_node date)
{
    std::string iso = date.attribute("iso-8601-date").value();
    if (iso.size() > 10) iso = iso.substr(0, 10);
    if (is_iso_date(iso)) return iso;
    std::string year = text(date.child("year"));
    if (!std::regex_match(year, std::regex("[0-9]{4}"))) return "";
    std::string month = two_digits(text(date.child("month")));
    if (month.empty()) return year;
    std::string day = two_digits(text(date.child("day")));
    return year + "-" + month + (day.empty() ? "" : "-" + day);
}

pugi::xml_node publication_date(pugi::xml_node meta)
{
    pugi::xml_node untyped;
    for (pugi::xml_node date : meta.children("pub-date")) {
        const std::string_view type = date.attribute("date-type").value();
        const std::string_view old_type = date.attribute("pub-type").value();
        if (type == "pub" || old_type == "epub" || old_type == "ppub" || old_type == "epub-ppub") return date;
        if (type.empty() && old_type.empty() && !untyped) untyped = date;
    }
    return untyped;
}

std::string contributor_name(pugi::xml_node contrib)
{
    if (pugi::xml_node name = contrib.child("string-name")) return text(name);
    if (pugi::xml_node name = contrib.child("name")) {
        std::string given = text(name.child("given-names")), surname = text(name.child("surname"));
        const bool eastern = std::string_view(name.attribute("name-style").value()) == "eastern";
        std::string full = eastern ? surname + (given.empty() ? "" : " " + given) : (given.empty() ? "" : given + " ") + surname;
        if (std::string suffix = text(name.child("suffix")); !suffix.empty()) full += " " + suffix;
        return full;
    }
    // A group's own name, without the members JATS may list inside it.
    if (pugi::xml_node collab = contrib.child("collab")) {
        std::string own;
        for (pugi::xml_node part : collab.children())
            if (part.type() == pugi::node_pcdata || (part.type() == pugi::node_element && std::string_view(part.name()) != "contrib-group"))
                own += part.type() == pugi::node_pcdata ? part.value() : text(part);
        return squeezed(own);
    }
    return "";
}

// What is known of a contributor beyond the name shown: its parts, ORCID iD, address, role as
// corresponding author, CRediT roles and affiliations (by the ids affiliations() keeps).
// The author note a contributor's xref points at when it is a <corresp>, the note that
// makes them the corresponding author (NLM and PLOS point at it as ref-type corresp or fn).
pugi::xml_node correspondence(pugi::xml_node meta, pugi::xml_node xref)
{
    const std::string_view type = xref.attribute("ref-type").value();
    if (type != "corresp" && type != "fn") return {};
    const std::string rid = xref.attribute("rid").value();
    return meta.child("author-notes").find_child_by_attribute("corresp", "id", rid.c_str());
}

void contributor_parts(pugi::xml_node meta, pugi::xml_node contrib, pugi::xml_node c)
{
    if (pugi::xml_node name = contrib.child("name"); name && !text(name.child("surname")).empty()) {
        c.append_attribute("surname") = text(name.child("surname")).c_str();
        if (std::string given = text(name.child("given-names")); !given.empty()) c.append_attribute("given") = given.c_str();
    } else if (!contrib.child("name") && !contrib.child("string-name") && contrib.child("collab")) {
        c.append_attribute("collective") = "true";
    }
    for (pugi::xml_node id : contrib.children("contrib-id"))
        if (std::string_view(id.attribute("contrib-id-type").value()) == "orcid")
            if (std::string url = orcid_url(text(id)); !url.empty()) c.append_attribute("orcid") = url.c_str();
    if (std::string email = text(contrib.child("email")); email.find('@') != std::string::npos && email.find(' ') == std::string::npos)
        c.append_attribute("email") = email.c_str();
    bool corresponding = std::string_view(contrib.attribute("corresp").value()) == "yes";
    for (pugi::xml_node xref : contrib.children("xref")) {
        pugi::xml_node note = correspondence(meta, xref);
        if (!note) continue;
        corresponding = true;
        // The note's address is this contributor's when it holds just one.
        const auto emails = note.select_nodes(".//email");
        if (emails.size() == 1 && !c.attribute("email"))
            if (std::string email = text(emails.first().node()); email.find('@') != std::string::npos && email.find(' ') == std::string::npos)
                c.append_attribute("email") = email.c_str();
    }
    if (corresponding) c.append_attribute("corresponding") = "true";
    std::string credit, affiliations;
    for (pugi::xml_node role : contrib.children("role")) {
        std::string term = role.attribute("vocab-term-identifier").value();
        while (!term.empty() && term.back() == '/') term.pop_back();
        std::string slug = term.substr(term.rfind('/') + 1);
        if (!model::credit_role(slug)) slug = model::slugify(text(role));
        if (model::credit_role(slug)) credit += (credit.empty() ? "" : " ") + slug;
    }
    for (pugi::xml_node xref : contrib.children("xref"))
        if (std::string_view(xref.attribute("ref-type").value()) == "aff")
            for (const std::string& id : model::split_words(xref.attribute("rid").value()))
                affiliations += (affiliations.empty() ? "" : " ") + id;
    if (!credit.empty()) c.append_attribute("credit") = credit.c_str();
    if (!affiliations.empty()) c.append_attribute("affiliations") = affiliations.c_str();
}

// <aff> in the contrib-groups or the article-meta: the parts JATS4R tags, or its text as the
// institution when it is one run of words ("Dept. of X, University Y, Oslo, Norway").
void affiliations(pugi::xml_node meta, pugi::xml_node article)
{
    std::vector<pugi::xml_node> found;
    for (pugi::xml_node aff : meta.children("aff")) found.push_back(aff);
    for (pugi::xml_node group : meta.children("contrib-group"))
        for (pugi::xml_node aff : group.children("aff")) found.push_back(aff);
    for (pugi::xml_node aff : found) {
        const std::string id = aff.attribute("id").value();
        if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0]))) continue;
        pugi::xml_node out = model::append_meta_field(article, "affiliation");
        out.append_attribute("id") = id.c_str();
        auto add = [&](const char* name, const std::string& value) {
            if (!value.empty() && !out.child(name)) out.append_child(name).text().set(value.c_str());
        };
        for (pugi::xml_node wrap : aff.children("institution-wrap")) {
            for (pugi::xml_node iid : wrap.children("institution-id"))
                if (std::string_view(iid.attribute("institution-id-type").value()) == "ror") {
                    std::string ror = text(iid);
                    if (ror.rfind("https://ror.org/", 0) != 0) ror = "https://ror.org/" + ror;
                    if (ror.size() == 25 && ror[16] == '0') add("ror", ror);
                }
            for (pugi::xml_node inst : wrap.children("institution"))
                add(std::string_view(inst.attribute("content-type").value()) == "dept" ? "department" : "institution", text(inst));
        }
        for (pugi::xml_node inst : aff.children("institution"))
            add(std::string_view(inst.attribute("content-type").value()) == "dept" ? "department" : "institution", text(inst));
        for (const pugi::xpath_node& city : aff.select_nodes(".//named-content[@content-type='city'] | .//city"))
            add("city", text(city.node()));
        add("country", text(aff.child("country")));
        if (!out.child("institution") && !out.child("department")) {
            // Its label is left out, whether a <label> or, in older articles, a leading <sup>.
            std::string words;
            for (pugi::xml_node child : aff.children()) {
                const std::string_view name = child.name();
                if (child.type() == pugi::node_pcdata) words += child.value();
                else if (child.type() == pugi::node_element && name != "label" && !(name == "sup" && trimmed(words).empty()))
                    words += text(child);
            }
            add("institution", trimmed(words));
        }
        if (!out.child("institution") && !out.child("department")) model::meta(article).remove_child(out);
    }
}

void contributors(pugi::xml_node meta, pugi::xml_node article, BodyReader& reader)
{
    for (pugi::xml_node group : meta.children("contrib-group")) {
        for (pugi::xml_node contrib : group.children("contrib")) {
            std::string role = contrib.attribute("contrib-type").value();
            if (role.empty()) role = "author";
            if (role != "author" && role != "translator" && role != "editor") {
                reader.diagnostics.warn(reader.tree.where(contrib), "jats-skip",
                                        "contributor of type '" + role + "' has no counterpart in the model; left out");
                continue;
            }
            const std::string name = contributor_name(contrib);
            if (name.empty()) continue;
            if (pugi::xml_node members = contrib.child("collab").child("contrib-group"))
                reader.diagnostics.warn(reader.tree.where(members), "jats-skip",
                                        "the members listed inside the group author '" + name +
                                            "' have no place in the model; the group is kept by its name");
            pugi::xml_node c = model::append_meta_field(article, "contributor");
            c.append_attribute("role") = role.c_str();
            contributor_parts(meta, contrib, c);
            c.text().set(name.c_str());
        }
    }
}

void set_field(pugi::xml_node article, const char* name, const std::string& value)
{
    if (!value.empty()) model::meta_field(article, name).text().set(value.c_str());
}

bool is_slug(const std::string& slug)
{
    // The schema's pattern, for the characters ASCII and UTF-8 continuation bytes make.
    if (slug.empty() || slug.front() == '-' || slug.front() == '.' || slug.front() == '_') return false;
    if (slug.back() == '-' || slug.back() == '.' || slug.back() == '_') return false;
    for (unsigned char c : slug)
        if (!(std::isalnum(c) || c == '-' || c == '.' || c == '_' || c >= 0x80)) return false;
    return true;
}

void identifiers(pugi::xml_node meta, pugi::xml_node article)
{
    for (pugi::xml_node id : meta.children("article-id")) {
        const std::string_view type = id.attribute("pub-id-type").value();
        const std::string value = text(id);
        if (type == "doi") set_field(article, "doi", value);
        if (type == "publisher-id" && !model::meta(article).child("slug"))
            set_field(article, "slug", is_slug(value) ? value : model::slugify(value));
    }
}

// One warning naming the elements of `part` left out, with their counts.
void warn_left(const std::map<std::string, int>& left, pugi::xml_node part, const std::string& what, BodyReader& reader)
{
    if (left.empty()) return;
    reader.diagnostics.warn(reader.tree.where(part), "jats-skip",
                            what + " elements with no counterpart in the model left out: " + counted_names(left));
}

// The journal the article appeared in, for an archive's round trip: its title, ISSNs and
// publisher, and the volume and issue the article-meta gives. An ISSN whose check digit is
// wrong is named and left out.
void journal(pugi::xml_node journal_meta, pugi::xml_node meta, pugi::xml_node article, BodyReader& reader)
{
    pugi::xml_node out;
    auto add = [&](const char* name, const std::string& value) {
        if (value.empty()) return pugi::xml_node();
        if (!out) out = model::meta_field(article, "journal");
        pugi::xml_node node = out.append_child(name);
        node.text().set(value.c_str());
        return node;
    };
    std::string title = text(journal_meta.child("journal-title-group").child("journal-title"));
    add("title", title.empty() ? text(journal_meta.child("journal-title")) : title);
    for (pugi::xml_node issn : journal_meta.children("issn")) {
        const std::string number = text(issn);
        if (number.empty()) continue;
        if (!is_issn(number)) {
            reader.diagnostics.warn(reader.tree.where(issn), "jats-skip", "'" + number + "' is not an ISSN (its check digit is wrong); left out");
            continue;
        }
        const std::string_view type = issn.attribute("pub-type").value(), format = issn.attribute("publication-format").value();
        add("issn", number).append_attribute("medium") = type == "ppub" || format == "print" ? "print" : "electronic";
    }
    add("publisher", text(journal_meta.child("publisher").child("publisher-name")));
    add("volume", text(meta.child("volume")));
    add("number", text(meta.child("issue")));
    add("issue-title", text(meta.child("issue-title")));
}

// The journal-meta's elements the model does not keep (journal ids, its contributors, ...),
// named with their counts.
void name_what_is_left_of_journal(pugi::xml_node journal_meta, pugi::xml_node article, BodyReader& reader)
{
    std::map<std::string, int> left;
    // The journal-id mimeo writes is its title's slug: nothing of it is lost.
    const std::string slug = model::slugify(model::meta(article).child("journal").child("title").text().get());
    for (pugi::xml_node child : journal_meta.children()) {
        const std::string_view name = child.name();
        if (child.type() != pugi::node_element || text(child).empty() ||
            among(name, {"journal-title-group", "journal-title", "issn", "publisher"}))
            continue;
        if (name == "journal-id" && std::string_view(child.attribute("journal-id-type").value()) == "publisher-id" &&
            text(child) == slug)
            continue;
        ++left[child.name()];
    }
    for (pugi::xml_node child : journal_meta.child("journal-title-group").children())
        if (child.type() == pugi::node_element && std::string_view(child.name()) != "journal-title") ++left[child.name()];
    if (journal_meta.child("publisher").child("publisher-loc")) ++left["publisher-loc"];
    warn_left(left, journal_meta, "journal-meta", reader);
}

// The article's own copyright: statements, year and holder the publication's rights line gave
// (content-type publication-rights) belong to the issue.
void permissions(pugi::xml_node permissions, pugi::xml_node article)
{
    auto own = [](pugi::xml_node n) { return n && std::string_view(n.attribute("content-type").value()) != publication_rights_type; };
    std::string statement, year, holder;
    for (pugi::xml_node s : permissions.children("copyright-statement"))
        if (own(s) && statement.empty()) statement = text(s);
    if (own(permissions.child("copyright-year"))) year = text(permissions.child("copyright-year"));
    if (own(permissions.child("copyright-holder"))) holder = text(permissions.child("copyright-holder"));
    if (!std::regex_match(year, std::regex("[0-9]{4}"))) year.clear();
    if (statement.empty() && !holder.empty()) statement = trimmed("\u00A9 " + year + " " + holder);
    if (!statement.empty()) {
        pugi::xml_node copyright = model::meta_field(article, "copyright");
        if (!year.empty()) copyright.append_attribute("year") = year.c_str();
        if (!holder.empty()) copyright.append_attribute("holder") = holder.c_str();
        copyright.text().set(statement.c_str());
    }
    pugi::xml_node license = permissions.child("license");
    if (!license) return;
    std::string url = license.attribute("xlink:href").value();
    if (url.empty()) url = text(license.child("ali:license_ref"));
    std::string words;
    for (pugi::xml_node p : license.children("license-p")) words += (words.empty() ? "" : " ") + text(p);
    if (words.empty()) words = url;
    if (words.empty()) return;
    pugi::xml_node out = model::meta_field(article, "license");
    if (!url.empty()) out.append_attribute("url") = url.c_str();
    out.text().set(words.c_str());
}

// One abstract of a single paragraph, untyped (what mimeo writes of a summary), is the summary.
// Any other abstracts (several, typed, structured, translated) are kept whole as the model's
// abstracts, and the summary is the first paragraph of a teaser, else of the main abstract.
void abstracts(pugi::xml_node meta, pugi::xml_node article, BodyReader& reader)
{
    std::vector<pugi::xml_node> found;
    for (pugi::xml_node n : meta.children())
        if (among(n.name(), {"abstract", "trans-abstract"})) found.push_back(n);
    if (found.empty()) return;
    auto elements = [](pugi::xml_node n) {
        std::vector<pugi::xml_node> list;
        for (pugi::xml_node c : n.children())
            if (c.type() == pugi::node_element) list.push_back(c);
        return list;
    };
    const auto only = elements(found.front());
    if (found.size() == 1 && std::string_view(found.front().name()) == "abstract" &&
        !*found.front().attribute("abstract-type").value() && only.size() == 1 && std::string_view(only[0].name()) == "p") {
        read_inlines(only[0], model::meta_field(article, "summary"), reader);
        return;
    }
    pugi::xml_node teaser, main;
    for (pugi::xml_node a : found) {
        const std::string type = a.attribute("abstract-type").value();
        pugi::xml_node out = model::append_meta_field(article, "abstract");
        if (!type.empty() && type.find(' ') == std::string::npos) out.append_attribute("type") = type.c_str();
        if (std::string lang = a.attribute("xml:lang").value(); is_language_tag(lang)) out.append_attribute("language") = lang.c_str();
        if (pugi::xml_node title = a.child("title")) read_inlines(title, out.append_child("title"), reader);
        read_blocks(a, out, reader, {"title", "label", "object-id", "sec-meta"});
        if (!out.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element && std::string_view(n.name()) != "title"; }))
            out.append_child("p");
        if (!teaser && among(type, {"teaser", "short", "toc", "precis", "summary"})) teaser = a;
        if (!main && type.empty() && std::string_view(a.name()) == "abstract") main = a;
    }
    if (pugi::xml_node from = teaser ? teaser : main)
        if (pugi::xml_node p = from.select_node(".//p").node()) read_inlines(p, model::meta_field(article, "summary"), reader);
}

// The front matter's elements the model has no place for, named with their counts in one
// warning, so that nothing of it goes unsaid: author notes, counts, a contributor's footnote
// links and biography, free-to-read flags ...
void name_what_is_left(pugi::xml_node meta, BodyReader& reader)
{
    static const Names read = {"article-id", "article-categories", "title-group", "contrib-group", "aff", "pub-date",
                               "volume", "issue", "issue-title", "elocation-id", "fpage", "lpage", "history",
                               "permissions", "self-uri", "related-article", "abstract", "trans-abstract", "kwd-group",
                               "funding-group", "custom-meta-group", "page-range", "copyright-statement",
                               "copyright-year", "copyright-holder", "license", "pub-history"};
    static const Names read_in_contrib = {"name", "string-name", "collab", "contrib-id", "email", "role", "xref"};
    std::map<std::string, int> left;
    std::set<std::string> pointed_at;  // the notes that made a contributor the corresponding author
    for (const pugi::xpath_node& xref : meta.select_nodes("contrib-group/contrib/xref"))
        if (correspondence(meta, xref.node())) pointed_at.insert(xref.node().attribute("rid").value());
    for (pugi::xml_node child : meta.children()) {
        if (child.type() != pugi::node_element || among(child.name(), read)) continue;
        if (std::string_view(child.name()) != "author-notes") {
            ++left[child.name()];
            continue;
        }
        for (pugi::xml_node note : child.children())
            if (note.type() == pugi::node_element && !pointed_at.count(note.attribute("id").value()))
                ++left["author-notes/" + std::string(note.name())];
    }
    for (pugi::xml_node child : meta.child("permissions").children())
        if (child.type() == pugi::node_element &&
            !among(child.name(), {"copyright-statement", "copyright-year", "copyright-holder", "license"}))
            ++left[child.name()];
    // Of the publication history, the events' dates are read.
    for (pugi::xml_node event : meta.child("pub-history").children())
        for (pugi::xml_node child : event.children())
            if (child.type() == pugi::node_element && !among(child.name(), {"event-desc", "date"}))
                ++left["pub-history/event/" + std::string(child.name())];
    for (const pugi::xpath_node& found : meta.select_nodes("contrib-group/contrib")) {
        for (pugi::xml_node child : found.node().children()) {
            if (child.type() != pugi::node_element) continue;
            const std::string_view name = child.name();
            if (!among(name, read_in_contrib)) ++left["contrib/" + std::string(name)];
            else if (name == "xref" && std::string_view(child.attribute("ref-type").value()) != "aff" &&
                     !correspondence(meta, child))
                ++left["contrib/xref to " + std::string(child.attribute("ref-type").value())];
            else if (name == "role" && std::string_view(child.attribute("vocab").value()) != "credit")
                ++left["contrib/role (not CRediT)"];
        }
    }
    warn_left(left, meta, "front-matter", reader);
}

// A contributor's affiliation that names no affiliation kept is left out of its list.
void drop_unknown_affiliations(pugi::xml_node article)
{
    std::set<std::string> ids;
    for (pugi::xml_node a : model::meta(article).children("affiliation")) ids.insert(a.attribute("id").value());
    for (pugi::xml_node c : model::meta(article).children("contributor")) {
        pugi::xml_attribute refs = c.attribute("affiliations");
        if (!refs) continue;
        std::string kept;
        for (const std::string& id : model::split_words(refs.value()))
            if (ids.count(id)) kept += (kept.empty() ? "" : " ") + id;
        if (kept.empty()) c.remove_attribute(refs);
        else refs.set_value(kept.c_str());
    }
}

// The history's dates, and those of the publication history's events (a revision: "updated").
void history(pugi::xml_node meta, pugi::xml_node article)
{
    pugi::xml_node out;
    std::vector<pugi::xml_node> dates;
    for (pugi::xml_node date : meta.child("history").children("date")) dates.push_back(date);
    for (pugi::xml_node event : meta.child("pub-history").children("event"))
        for (pugi::xml_node date : event.children("date")) dates.push_back(date);
    for (pugi::xml_node date : dates) {
        const std::string type = date.attribute("date-type").value();
        const std::string iso = date_of(date);
        if (type.empty() || type.find(' ') != std::string::npos || iso.empty()) continue;
        if (!out) out = model::meta_field(article, "history");
        pugi::xml_node d = out.append_child("date");
        d.append_attribute("type") = type.c_str();
        d.text().set(iso.c_str());
    }
}

// Each award group's funder (its name, and its id when one is given) and award number.
void funding(pugi::xml_node meta, pugi::xml_node article)
{
    for (const pugi::xpath_node& found : meta.select_nodes("funding-group/award-group")) {
        pugi::xml_node award = found.node();
        pugi::xml_node source = award.child("funding-source");
        std::string funder = text(source.child("institution-wrap").child("institution"));
        if (funder.empty()) funder = text(source.child("institution"));
        if (funder.empty()) funder = text(source);
        if (funder.empty()) continue;
        pugi::xml_node out = model::append_meta_field(article, "funding");
        out.append_attribute("funder") = funder.c_str();
        if (std::string id = text(source.child("institution-wrap").child("institution-id")); !id.empty() && id.find(' ') == std::string::npos)
            out.append_attribute("funder-id") = id.c_str();
        if (std::string number = trimmed(text(award.child("award-id"))); !number.empty())
            out.append_attribute("award") = squeezed(number).c_str();
    }
}

std::string custom_meta(pugi::xml_node meta, std::string_view name)
{
    for (pugi::xml_node custom : meta.child("custom-meta-group").children("custom-meta"))
        if (text(custom.child("meta-name")) == name) return text(custom.child("meta-value"));
    return "";
}

void provenance(pugi::xml_node meta, pugi::xml_node article, BodyReader& reader)
{
    pugi::xml_node related;
    for (pugi::xml_node candidate : meta.children("related-article")) {
        const std::string_view type = candidate.attribute("related-article-type").value();
        if (type == translated_from || type.find("translat") != std::string_view::npos ||
            type.find("reprint") != std::string_view::npos) {
            related = candidate;
            break;
        }
    }
    if (!related) return;
    pugi::xml_node source = model::meta_field(article, "source");
    if (pugi::xml_node title = related.child("article-title")) read_inlines(title, source.append_child("title"), reader);
    auto add = [&](const char* name, const std::string& value) {
        if (!value.empty()) source.append_child(name).text().set(value.c_str());
    };
    add("publication", text(related.child("source")));
    add("issue", text(related.child("issue")));
    add("date", related.child("date") ? date_of(related.child("date")) : date_of(related));
    std::string language = custom_meta(meta, source_language_meta);
    if (language.empty()) language = related.attribute("xml:lang").value();
    if (is_language_tag(language)) add("language", language);
    add("url", related.attribute("xlink:href").value());
}

}  // namespace

void read_front(pugi::xml_node jats_article, pugi::xml_node article, BodyReader& reader)
{
    pugi::xml_node meta = jats_article.child("front").child("article-meta");
    pugi::xml_node titles = meta.child("title-group");
    if (pugi::xml_node title = titles.child("article-title")) read_inlines(title, model::meta_field(article, "title"), reader);
    if (pugi::xml_node subtitle = titles.child("subtitle")) read_inlines(subtitle, model::meta_field(article, "subtitle"), reader);
    affiliations(meta, article);
    contributors(meta, article, reader);
    drop_unknown_affiliations(article);
    if (pugi::xml_node date = publication_date(meta)) set_field(article, "date", date_of(date));
    history(meta, article);
    if (std::string lang = jats_article.attribute("xml:lang").value(); is_language_tag(lang)) set_field(article, "language", lang);
    identifiers(meta, article);
    pugi::xml_node journal_meta = jats_article.child("front").child("journal-meta");
    journal(journal_meta, meta, article, reader);
    name_what_is_left_of_journal(journal_meta, article, reader);
    for (pugi::xml_node uri : meta.children("self-uri")) {
        std::string url = uri.attribute("xlink:href").value();
        if (url.empty()) url = text(uri);
        set_field(article, "url", url);
        if (!url.empty()) break;
    }
    if (std::string type = jats_article.attribute("article-type").value(); type != default_article_type) {
        type = trimmed(type);
        if (!type.empty() && type.find(' ') == std::string::npos) set_field(article, "type", type);
    }
    if (std::string elocation = text(meta.child("elocation-id")); !elocation.empty() && elocation.find(' ') == std::string::npos)
        set_field(article, "elocation", elocation);
    if (std::string first = text(meta.child("fpage")); !first.empty() && first.find(' ') == std::string::npos) {
        pugi::xml_node pages = model::meta_field(article, "pages");
        pages.append_attribute("first") = first.c_str();
        if (std::string last = text(meta.child("lpage")); !last.empty() && last.find(' ') == std::string::npos)
            pages.append_attribute("last") = last.c_str();
    }
    // The heading group first: its subject is the one the article is filed under.
    for (const char* heading : {"[@subj-group-type='heading']", "[not(@subj-group-type='heading')]"})
        for (const pugi::xpath_node& subject :
             meta.select_nodes((std::string("article-categories/subj-group") + heading + "//subject").c_str()))
            if (std::string name = text(subject.node()); !name.empty())
                model::append_meta_field(article, "subject").text().set(name.c_str());
    for (pugi::xml_node group : meta.children("kwd-group"))
        for (pugi::xml_node kwd : group.children("kwd"))
            if (std::string tag = text(kwd); !tag.empty()) model::append_meta_field(article, "tag").text().set(tag.c_str());
    abstracts(meta, article, reader);
    // NLM 2 puts the copyright lines straight into the article-meta.
    permissions(meta.child("permissions") ? meta.child("permissions") : meta, article);
    funding(meta, article);
    provenance(meta, article, reader);
    name_what_is_left(meta, reader);
}

}  // namespace mimeo::jats
