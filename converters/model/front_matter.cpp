#include "model/front_matter.hpp"

#include <optional>

#include "model/model.hpp"

namespace mimeo::model {
namespace yi = yaml_input;

namespace {

const std::vector<std::string_view> source_keys = {"title", "publication", "issue", "date", "lang", "url"};

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
        // An article's url may be relative to the publication's.
        const auto read_value = read(value, key, key, true);
        if (!read_value) return;
        const std::string& text = *read_value;
        if (key == "slug" && (text.empty() || slugify(text) != text))
            yi::fail(source, value, key, "must be lower-case letters, digits and dashes, such as '" + slugify(text) + "'");
        if (!wanted(field)) return;
        pugi::xml_node node = meta_field(article, field);
        node.remove_children();
        node.text().set(text.c_str());
    }

    void repeated_field(const YAML::Node& value, const std::string& key, const char* field, const char* role)
    {
        std::vector<std::string> items = yi::string_list(source, value, key);
        auto matches = [&](pugi::xml_node n) { return !role || std::string_view(n.attribute("role").value()) == role; };
        bool present = false;
        for (pugi::xml_node n : meta(article).children(field)) present = present || matches(n);
        if (mode == MetadataMode::fill_missing && present) return;
        for (pugi::xml_node n = meta(article).child(field); n;) {
            pugi::xml_node next = n.next_sibling(field);
            if (matches(n)) meta(article).remove_child(n);
            n = next;
        }
        for (const auto& item : items) {
            if (item.empty()) continue;
            pugi::xml_node node = append_meta_field(article, field);
            if (role) node.append_attribute("role") = role;
            node.text().set(item.c_str());
        }
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
        "title", "subtitle", "date", "author", "authors", "translator", "translators", "editor", "editors",
        "lang",  "slug",     "url",  "doi",    "type",    "tags",       "summary",     "license", "copyright",
        "source", "epigraph"};
    return keys;
}

void apply_metadata(const YAML::Node& map, const yi::Source& source, pugi::xml_node article, MetadataMode mode,
                    Diagnostics& diagnostics, BadUrls bad_urls)
{
    if (!map || map.IsNull()) return;
    yi::require_map(source, map, "");
    yi::check_keys(source, map, "", metadata_keys(), &diagnostics);
    Apply apply{source, article, mode, bad_urls, diagnostics};
    for (const auto& entry : map) {
        const std::string key = entry.first.Scalar();
        const YAML::Node& value = entry.second;
        if (value.IsNull()) continue;
        if (key == "title" || key == "subtitle" || key == "date" || key == "slug" || key == "url" || key == "doi" ||
            key == "type" || key == "summary" || key == "license" || key == "copyright")
            apply.text_field(value, key, key.c_str());
        else if (key == "lang")
            apply.text_field(value, key, "language");
        else if (key == "author" || key == "authors")
            apply.repeated_field(value, key, "contributor", "author");
        else if (key == "translator" || key == "translators")
            apply.repeated_field(value, key, "contributor", "translator");
        else if (key == "editor" || key == "editors")
            apply.repeated_field(value, key, "contributor", "editor");
        else if (key == "tags")
            apply.repeated_field(value, key, "tag", nullptr);
        else if (key == "source")
            apply.source_field(value, diagnostics);
        else if (key == "epigraph")
            apply.epigraph_field(value, diagnostics);
    }
}

}  // namespace mimeo::model
