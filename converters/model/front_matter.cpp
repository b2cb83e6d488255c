#include "model/front_matter.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "common/standard_forms.hpp"

#include "model/contributors.hpp"
#include "model/model.hpp"
#include "model/references.hpp"
#include "model/rights.hpp"

namespace mimeo::model {
namespace yi = yaml_input;

namespace {

const std::vector<std::string_view> source_keys = {"title", "publication", "issue", "date", "lang", "url"};
const std::vector<std::string_view> funding_keys = {"funder", "id", "award"};
const std::vector<std::string_view> summary_keys = {"summary", "description", "excerpt"};
const std::vector<std::string_view> taxonomy_keys = {"tags", "categories"};
const std::vector<std::string_view> updated_keys = {"lastmod", "updated", "last_modified_at"};
const std::vector<std::string_view> alias_keys = {"aliases", "redirect_from"};
const std::vector<std::string_view> lead_image_keys = {"image", "cover", "featured_image", "images"};
// Jekyll's (jekyll-seo-tag) and Hugo themes' (PaperMod's cover) image maps; the last ones say how
// a theme lays it out.
const std::vector<std::string_view> image_keys = {"src",    "image",  "path",         "url",          "alt",
                                                  "caption", "title", "width",        "height",       "relative",
                                                  "hidden", "hiddenInList", "hiddenInSingle"};

bool one_of(const std::vector<std::string_view>& keys, std::string_view key)
{
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::vector<std::string> split_list(const std::string& text)
{
    const char* separators = text.find(',') != std::string::npos ? "," : " \t";
    std::vector<std::string> items;
    for (std::size_t at = 0; at <= text.size();) {
        std::size_t end = text.find_first_of(separators, at);
        if (end == std::string::npos) end = text.size();
        const std::size_t first = text.find_first_not_of(" \t", at);
        const std::size_t last = text.find_last_not_of(" \t", end == 0 ? 0 : end - 1);
        if (first != std::string::npos && first < end && last != std::string::npos && last >= first)
            items.push_back(text.substr(first, last - first + 1));
        at = end + 1;
    }
    return items;
}

struct Apply {
    const yi::Source& source;
    pugi::xml_node article;
    MetadataMode mode;
    BadUrls bad_urls;
    Diagnostics& diagnostics;

    // The URL, or nullopt when it is refused and bad URLs are only warned of.
    std::optional<std::string> url(const YAML::Node& value, const std::string& key, bool relative_allowed)
    {
        try {
            return yi::url(source, value, key, relative_allowed);
        } catch (const Error& e) {
            const Diagnostic& refused = e.diagnostic();
            if (bad_urls == BadUrls::error || refused.code != "url-scheme") throw;
            diagnostics.warn(refused.where, "url-scheme", refused.message + "; left out");
            return std::nullopt;
        }
    }

    bool wanted(const char* field) const
    {
        return mode == MetadataMode::replace || !meta(article).child(field);
    }

    // A scalar read by its key: a date, a URL (relative only where `relative_url`), or text;
    // nullopt for a URL refused with a warning.
    std::optional<std::string> read(const YAML::Node& value, std::string_view key, const std::string& path,
                                    bool relative_url)
    {
        if (key == "url") return url(value, path, relative_url);
        return key == "date" ? yi::date(source, value, path) : yi::scalar(source, value, path);
    }

    void text_field(const YAML::Node& value, const std::string& key, const char* field)
    {
        if (key == "date") {  // the article's date, with its time of day when it has one
            const DateTime when = yi::date_time(source, value, key);
            if (!wanted(field)) return;
            pugi::xml_node node = meta_field(article, field);
            node.remove_children();
            node.remove_attribute("time");
            node.text().set(when.date.c_str());
            if (!when.time.empty()) node.append_attribute("time") = when.time.c_str();
            return;
        }
        // An article's url may be relative to the publication's.
        const auto read_value = read(value, key, key, true);
        if (!read_value) return;
        const std::string& text = *read_value;
        std::string kept = text;
        if (key == "slug" && slugify(text) != text) {
            // Hugo's and Jekyll's slugs take capitals and '_'; the model's are one form.
            kept = slugify(text);
            if (kept.empty()) yi::fail(source, value, key, "must hold letters or digits");
            diagnostics.warn(yi::where(source, value), "slug-normalized",
                             "the slug '" + text + "' is written '" + kept + "' (lower-case letters, digits and dashes)");
        }
        if (key == "lang" && !is_known_language(text))
            yi::fail(source, value, key, "must be a BCP 47 language tag such as en, fr or pt-BR, not '" + text + "'");
        if (!wanted(field)) return;
        pugi::xml_node node = meta_field(article, field);
        node.remove_children();
        node.text().set(kept.c_str());
    }

    // `split`: a string is a list as Jekyll reads one, "a, b" or "a b".
    void repeated_field(const YAML::Node& value, const std::string& key, const char* field, bool split = false)
    {
        std::vector<std::string> items = yi::string_list(source, value, key);
        if (split && value.IsScalar()) items = split_list(items.front());
        if (mode == MetadataMode::fill_missing && meta(article).child(field)) return;
        for (pugi::xml_node n = meta(article).child(field); n; n = meta(article).child(field)) meta(article).remove_child(n);
        for (const auto& item : items)
            if (!item.empty()) append_meta_field(article, field).text().set(item.c_str());
    }

    // `epigraph: text` or `epigraph: {text, attribution}`: the body's opening epigraph.
    void epigraph_field(const YAML::Node& value, Diagnostics& diagnostics)
    {
        std::string text, attribution;
        if (value.IsMap()) {
            yi::check_keys(source, value, "epigraph", {"text", "attribution"}, &diagnostics);
            if (!value["text"]) yi::fail(source, value, "epigraph", "needs a 'text' key");
            text = yi::scalar(source, value["text"], "epigraph.text");
            if (value["attribution"]) attribution = yi::scalar(source, value["attribution"], "epigraph.attribution");
        } else {
            text = yi::scalar(source, value, "epigraph");
        }
        pugi::xml_node existing = body(article).child("epigraph");
        if (existing && existing == body(article).first_child()) {
            if (mode == MetadataMode::fill_missing) return;
            body(article).remove_child(existing);
        }
        pugi::xml_node epigraph = body(article).prepend_child("epigraph");
        epigraph.append_child("p").text().set(text.c_str());
        if (!attribution.empty()) epigraph.append_child("attribution").text().set(attribution.c_str());
    }

    bool has_role(const char* role) const
    {
        for (pugi::xml_node c : meta(article).children("contributor"))
            if (std::string_view(c.attribute("role").value()) == role) return true;
        return false;
    }

    void contributors_field(const YAML::Node& value, const std::string& key, const char* role)
    {
        if (mode == MetadataMode::fill_missing && has_role(role)) return;
        apply_contributors(value, source, key, role, article);
    }

    void replaced(const char* field, auto&& write)
    {
        if (!wanted(field)) return;
        for (pugi::xml_node n = meta(article).child(field); n; n = meta(article).child(field)) meta(article).remove_child(n);
        write();
    }

    // `pages: 12-19`, `pages: 12` or `{first, last}`.
    void pages_field(const YAML::Node& value)
    {
        std::string first, last;
        if (value.IsMap()) {
            yi::check_keys(source, value, "pages", {"first", "last"});
            if (!value["first"]) yi::fail(source, value, "pages", "needs a 'first' key");
            first = yi::scalar(source, value["first"], "pages.first");
            if (value["last"]) last = yi::scalar(source, value["last"], "pages.last");
        } else {
            const std::string text = yi::scalar(source, value, "pages");
            const auto dash = text.find_first_of("-\u2013");
            first = text.substr(0, dash);
            if (dash != std::string::npos) last = text.substr(text.find_first_not_of("-\u2013", dash));
        }
        auto token = [](const std::string& t) { return !t.empty() && t.find_first_of(" \t") == std::string::npos; };
        if (!token(first) || (!last.empty() && !token(last)))
            yi::fail(source, value, "pages", "must be pages such as 12-19, 12, or {first: 12, last: 19}");
        replaced("pages", [&] {
            pugi::xml_node pages = meta_field(article, "pages");
            pages.append_attribute("first") = first.c_str();
            if (!last.empty()) pages.append_attribute("last") = last.c_str();
        });
    }

    // `funding: [{funder, id, award}]`: who paid for the work, and under which award.
    void funding_field(const YAML::Node& value)
    {
        const YAML::Node list = value.IsSequence() ? value : YAML::Node(std::vector<YAML::Node>{value});
        replaced("funding", [&] {
            for (std::size_t i = 0; i < list.size(); ++i) {
                const std::string path = "funding[" + std::to_string(i) + "]";
                const YAML::Node item = list[i];
                pugi::xml_node out = append_meta_field(article, "funding");
                if (item.IsScalar()) {
                    out.append_attribute("funder") = yi::scalar(source, item, path).c_str();
                    continue;
                }
                yi::require_map(source, item, path);
                yi::check_keys(source, item, path, funding_keys);
                if (!item["funder"]) yi::fail(source, item, path, "needs a 'funder' key");
                out.append_attribute("funder") = yi::scalar(source, item["funder"], path + ".funder").c_str();
                if (item["id"]) out.append_attribute("funder-id") = yi::scalar(source, item["id"], path + ".id").c_str();
                if (item["award"]) out.append_attribute("award") = yi::scalar(source, item["award"], path + ".award").c_str();
            }
        });
    }

    // `history: {received: 2025-01-10, accepted: 2025-03-02}`: the dates of its way to print.
    void history_field(const YAML::Node& value)
    {
        yi::require_map(source, value, "history");
        replaced("history", [&] {
            pugi::xml_node history = meta_field(article, "history");
            for (const auto& entry : value) {
                const std::string type = entry.first.Scalar();
                pugi::xml_node date = history.append_child("date");
                date.append_attribute("type") = type.c_str();
                const DateTime when = yi::date_time(source, entry.second, "history." + type);
                if (!when.time.empty()) date.append_attribute("time") = when.time.c_str();
                date.text().set(when.date.c_str());
            }
            if (!history.first_child()) meta(article).remove_child(history);
        });
    }

    // Keys that say one thing (summary, description and excerpt): the first of `keys` given is
    // kept, and true is returned for a later one, named in a warning.
    bool aliased(const YAML::Node& map, const std::string& key, const std::vector<std::string_view>& keys,
                 const char* what)
    {
        for (std::string_view earlier : keys) {
            if (earlier == key) break;
            if (map[std::string(earlier)] && !map[std::string(earlier)].IsNull()) {
                diagnostics.warn(yi::where(source, map[key]), "key-alias",
                                 "'" + key + "' is left out: '" + std::string(earlier) + "' gives the " + what);
                return true;
            }
        }
        return false;
    }

    // `lastmod` (Hugo), `updated` (Zola), `last_modified_at` (Jekyll): the last revision.
    void updated_field(const YAML::Node& value, const std::string& key)
    {
        const DateTime when = yi::date_time(source, value, key);
        pugi::xml_node history = meta(article).child("history");
        pugi::xml_node old = revision(article);
        if (old && mode == MetadataMode::fill_missing) return;
        if (old) history.remove_child(old);
        if (!history) history = meta_field(article, "history");
        pugi::xml_node date = history.append_child("date");
        date.append_attribute("type") = "updated";
        if (!when.time.empty()) date.append_attribute("time") = when.time.c_str();
        date.text().set(when.date.c_str());
    }

    // Hugo's `weight`: the article's place in the issue.
    void weight_field(const YAML::Node& value)
    {
        const std::string text = yi::scalar(source, value, "weight");
        long long weight = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), weight);
        if (error != std::errc() || end != text.data() + text.size())
            yi::fail(source, value, "weight", "must be a whole number, such as 10");
        replaced("weight", [&] { meta_field(article, "weight").text().set(std::to_string(weight).c_str()); });
    }

    // `aliases` (Hugo) or `redirect_from` (Jekyll): one address or a list.
    void aliases_field(const YAML::Node& value, const std::string& key)
    {
        const YAML::Node list = value.IsSequence() ? value : YAML::Node(std::vector<YAML::Node>{value});
        replaced("alias", [&] {
            for (std::size_t i = 0; i < list.size(); ++i)
                if (auto address = url(list[i], key + "[" + std::to_string(i) + "]", true))
                    append_meta_field(article, "alias").text().set(address->c_str());
        });
    }

    // `image`, `cover` or `featured_image` (a path, or a map with its alt text and caption), or
    // the first of Hugo's `images`: a figure that opens the body, after its epigraph.
    void lead_image_field(const YAML::Node& value, const std::string& key)
    {
        YAML::Node image = value;
        std::string path = key;
        if (key == "images" && value.IsSequence()) {
            if (value.size() == 0) return;
            if (value.size() > 1)
                diagnostics.warn(yi::where(source, value[1]), "images-left-out",
                                 std::to_string(value.size() - 1) + " of the " + std::to_string(value.size()) +
                                     " 'images' left out: the first is the lead image");
            image = value[0];
            path = "images[0]";
        }
        std::string src, alt, caption;
        if (image.IsMap()) {
            yi::check_keys(source, image, path, image_keys, &diagnostics);
            for (const char* name : {"src", "image", "path", "url"})
                if (image[name] && src.empty()) src = yi::scalar(source, image[name], path + "." + name);
            if (src.empty()) yi::fail(source, image, path, "needs the image's 'src' (or 'image' or 'path')");
            if (image["alt"]) alt = yi::scalar(source, image["alt"], path + ".alt");
            if (image["caption"]) caption = yi::scalar(source, image["caption"], path + ".caption");
        } else {
            src = yi::scalar(source, image, path);
        }
        pugi::xml_node body_node = body(article);
        pugi::xml_node after = body_node.first_child();
        if (std::string_view(after.name()) != "epigraph") after = pugi::xml_node();
        pugi::xml_node old = after ? after.next_sibling() : body_node.first_child();
        if (std::string_view(old.name()) == "figure" && std::string_view(old.attribute("id").value()) == "lead-image") {
            if (mode == MetadataMode::fill_missing) return;
            body_node.remove_child(old);
        }
        pugi::xml_node figure = after ? body_node.insert_child_after("figure", after) : body_node.prepend_child("figure");
        if (!article.find_node([](pugi::xml_node n) { return std::string_view(n.attribute("id").value()) == "lead-image"; }))
            figure.append_attribute("id") = "lead-image";
        pugi::xml_node img = figure.append_child("image");
        img.append_attribute("src") = src.c_str();
        img.append_attribute("alt") = alt.c_str();
        if (!caption.empty()) figure.append_child("caption").text().set(caption.c_str());
    }

    // `draft: true` (Hugo, Zola) or `published: false` (Jekyll).
    void draft_field(const YAML::Node& value, const std::string& key)
    {
        const bool draft = yi::boolean(source, value, key) == (key == "draft");
        if (!wanted("draft")) return;
        if (pugi::xml_node old = meta(article).child("draft")) meta(article).remove_child(old);
        if (draft) meta_field(article, "draft");
    }

    // Zola's `taxonomies: {tags, categories}`.
    void taxonomies_field(const YAML::Node& value)
    {
        yi::require_map(source, value, "taxonomies");
        yi::check_keys(source, value, "taxonomies", taxonomy_keys, &diagnostics);
        if (value["tags"]) repeated_field(value["tags"], "taxonomies.tags", "tag", true);
        if (value["categories"]) repeated_field(value["categories"], "taxonomies.categories", "subject", true);
    }

    void source_field(const YAML::Node& value, Diagnostics& diagnostics)
    {
        yi::require_map(source, value, "source");
        yi::check_keys(source, value, "source", source_keys, &diagnostics);
        if (!wanted("source")) return;
        pugi::xml_node node = meta_field(article, "source");
        node.remove_children();
        for (std::string_view key : source_keys) {
            YAML::Node item = value[std::string(key)];
            if (!item) continue;
            const std::string path = "source." + std::string(key);
            const auto text = read(item, key, path, false);
            if (!text) continue;
            const char* element = key == "lang" ? "language" : key.data();
            node.append_child(element).text().set(text->c_str());
        }
    }
};

}  // namespace

const std::vector<std::string_view>& metadata_keys()
{
    static const std::vector<std::string_view> keys = {
        "title",   "subtitle", "date",     "author",    "authors",      "translator", "translators", "editor",
        "editors", "affiliations", "lang", "slug",   "url",          "doi",        "type",        "elocation",
        "pages",   "subjects", "tags",     "summary",   "license",      "copyright",  "funding",     "history",
        "source",  "epigraph", "references", "bibliography",
        // Jekyll's, Hugo's and Zola's names for the same things
        "description", "excerpt", "categories", "taxonomies", "draft", "published", "lastmod", "updated",
        "last_modified_at", "weight", "aliases", "redirect_from", "image", "cover", "featured_image", "images", "section",
        // theirs, which say how their sites lay a page out: known, and left to them
        "layout", "permalink", "params", "linkTitle", "extra", "menu", "toc", "comments", "template", "sitemap"};
    return keys;
}

void apply_metadata(const YAML::Node& map, const yi::Source& source, pugi::xml_node article, MetadataMode mode,
                    Diagnostics& diagnostics, BadUrls bad_urls)
{
    if (!map || map.IsNull()) return;
    yi::require_map(source, map, "");
    yi::check_keys(source, map, "", metadata_keys(), &diagnostics);
    Apply apply{source, article, mode, bad_urls, diagnostics};
    // Before the contributors, which name them by id.
    if (const YAML::Node affiliations = map["affiliations"]; affiliations && !affiliations.IsNull() && apply.wanted("affiliation"))
        apply_affiliations(affiliations, source, article);
    for (const auto& entry : map) {
        const std::string key = entry.first.Scalar();
        const YAML::Node& value = entry.second;
        if (value.IsNull()) continue;
        if (key == "title" || key == "subtitle" || key == "date" || key == "slug" || key == "url" || key == "doi" ||
            key == "type" || key == "elocation")
            apply.text_field(value, key, key.c_str());
        else if (one_of(summary_keys, key)) {
            if (!apply.aliased(map, key, summary_keys, "summary")) apply.text_field(value, key, "summary");
        } else if (key == "weight")
            apply.weight_field(value);
        else if (one_of(alias_keys, key)) {
            if (!apply.aliased(map, key, alias_keys, "earlier addresses")) apply.aliases_field(value, key);
        }
        else if (key == "lang")
            apply.text_field(value, key, "language");
        else if (key == "author" || key == "authors")
            apply.contributors_field(value, key, "author");
        else if (key == "translator" || key == "translators")
            apply.contributors_field(value, key, "translator");
        else if (key == "editor" || key == "editors")
            apply.contributors_field(value, key, "editor");
        else if (key == "tags")
            apply.repeated_field(value, key, "tag", true);
        else if (key == "categories")
            apply.repeated_field(value, key, "subject", true);
        else if (key == "taxonomies")
            apply.taxonomies_field(value);
        else if (key == "draft" || key == "published")
            apply.draft_field(value, key);
        else if (key == "subjects")
            apply.repeated_field(value, key, "subject");
        else if (key == "license" && apply.wanted("license"))
            apply_license(value, source, article);
        else if (key == "copyright" && apply.wanted("copyright"))
            apply_copyright(value, source, article);
        else if (key == "pages")
            apply.pages_field(value);
        else if (key == "funding")
            apply.funding_field(value);
        else if (key == "history")
            apply.history_field(value);
        else if (key == "references")
            apply_references(value, source, article, diagnostics);
        else if (key == "bibliography")
            apply_bibliography(value, source, article, diagnostics);
        else if (key == "source")
            apply.source_field(value, diagnostics);
        else if (key == "epigraph")
            apply.epigraph_field(value, diagnostics);
    }
    // After the loop: `history` replaces the whole history, and the epigraph opens the body.
    auto each_given = [&](const std::vector<std::string_view>& keys, const char* what, auto&& take) {
        for (std::string_view name : keys) {
            const std::string key(name);
            if (map[key] && !map[key].IsNull() && !apply.aliased(map, key, keys, what)) take(map[key], key);
        }
    };
    each_given(updated_keys, "date it was updated",
               [&](const YAML::Node& value, const std::string& key) { apply.updated_field(value, key); });
    each_given(lead_image_keys, "lead image",
               [&](const YAML::Node& value, const std::string& key) { apply.lead_image_field(value, key); });
    // `section: Reports`: the section the article runs in, its first subject (JATS's heading).
    if (const YAML::Node section = map["section"]; section && !section.IsNull()) {
        const std::string name = yi::scalar(source, section, "section");
        pugi::xml_node first = meta(article).child("subject");
        if (std::string_view(first.text().get()) != name && (mode == MetadataMode::replace || !first)) {
            pugi::xml_node node = first ? meta(article).insert_child_before("subject", first) : append_meta_field(article, "subject");
            node.text().set(name.c_str());
        }
    }
}

}  // namespace mimeo::model
