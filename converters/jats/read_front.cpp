#include "jats/read_front.hpp"

#include <cctype>
#include <regex>
#include <string_view>

#include "common/standard_forms.hpp"
#include "jats/vocabulary.hpp"
#include "model/model.hpp"

namespace mimeo::jats {
namespace {

std::string trimmed(std::string text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

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
    if (pugi::xml_node collab = contrib.child("collab")) return text(collab);
    return "";
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
            pugi::xml_node c = model::append_meta_field(article, "contributor");
            c.append_attribute("role") = role.c_str();
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

void permissions(pugi::xml_node permissions, pugi::xml_node article)
{
    for (pugi::xml_node statement : permissions.children("copyright-statement")) {
        if (std::string_view(statement.attribute("content-type").value()) == publication_rights_type) continue;
        set_field(article, "copyright", text(statement));
        break;
    }
    if (!model::meta(article).child("copyright")) {
        std::string year = text(permissions.child("copyright-year")), holder = text(permissions.child("copyright-holder"));
        if (!year.empty() || !holder.empty()) set_field(article, "copyright", trimmed("\u00A9 " + year + " " + holder));
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
        if (type.find("translat") != std::string_view::npos || type.find("reprint") != std::string_view::npos) {
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
    contributors(meta, article, reader);
    if (pugi::xml_node date = publication_date(meta)) set_field(article, "date", date_of(date));
    if (std::string lang = jats_article.attribute("xml:lang").value(); is_language_tag(lang)) set_field(article, "language", lang);
    identifiers(meta, article);
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
    for (pugi::xml_node group : meta.children("kwd-group"))
        for (pugi::xml_node kwd : group.children("kwd"))
            if (std::string tag = text(kwd); !tag.empty()) model::append_meta_field(article, "tag").text().set(tag.c_str());
    if (pugi::xml_node abstract = meta.child("abstract")) {
        pugi::xml_node summary = model::meta_field(article, "summary");
        for (const pugi::xpath_node& p : abstract.select_nodes(".//p")) {
            if (summary.first_child()) summary.append_child(pugi::node_pcdata).set_value(" ");
            read_inlines(p.node(), summary, reader);
        }
        if (!summary.first_child()) read_inlines(abstract, summary, reader);
    }
    permissions(meta.child("permissions"), article);
    provenance(meta, article, reader);
}

}  // namespace mimeo::jats
