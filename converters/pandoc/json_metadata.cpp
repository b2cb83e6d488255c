#include "pandoc/json_metadata.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <regex>

#include "common/standard_forms.hpp"
#include "model/front_matter.hpp"
#include "model/model.hpp"

namespace mimeo::pandoc {
namespace {

const std::string& type_of(const json& value) { return value.at("t").get_ref<const std::string&>(); }

const json& content_of(const json& value)
{
    static const json none;
    auto it = value.find("c");
    return it == value.end() ? none : *it;
}

std::string meta_text(const json& value);

std::string blocks_text(const json& blocks)
{
    std::string out;
    for (const auto& block : blocks) {
        const std::string& t = type_of(block);
        std::string text;
        if (t == "Para" || t == "Plain") text = plain_text(content_of(block));
        else if (t == "Div") text = blocks_text(content_of(block).at(1));
        else if (t == "LineBlock")
            for (const auto& line : content_of(block)) text += (text.empty() ? "" : " ") + plain_text(line);
        if (!text.empty()) out += (out.empty() ? "" : " ") + text;
    }
    return out;
}

std::string meta_text(const json& value)
{
    const std::string& t = type_of(value);
    const json& c = content_of(value);
    if (t == "MetaString") return c.get<std::string>();
    if (t == "MetaInlines") return plain_text(c);
    if (t == "MetaBlocks") return blocks_text(c);
    if (t == "MetaBool") return c.get<bool>() ? "true" : "false";
    if (t == "MetaList") {
        std::string out;
        for (const auto& item : c) out += (out.empty() ? "" : ", ") + meta_text(item);
        return out;
    }
    if (t == "MetaMap" && c.contains("name")) return meta_text(c["name"]);
    return "";
}

// Names of people: a list, or one value; a person may be a map with a `name`.
std::vector<std::string> names(const json& value)
{
    std::vector<std::string> out;
    if (type_of(value) == "MetaList") {
        for (const auto& item : content_of(value))
            if (std::string name = meta_text(item); !name.empty()) out.push_back(name);
    } else if (std::string name = meta_text(value); !name.empty()) {
        out.push_back(name);
    }
    return out;
}

// Keywords: a list, or one string separated by commas or semicolons (as Word stores them).
std::vector<std::string> keywords(const json& value)
{
    std::vector<std::string> out;
    auto add = [&](const std::string& text) {
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find_first_of(",;", start);
            if (end == std::string::npos) end = text.size();
            std::string word = text.substr(start, end - start);
            word.erase(0, word.find_first_not_of(" \t\n"));
            word.erase(word.find_last_not_of(" \t\n") + 1);
            if (!word.empty() && std::find(out.begin(), out.end(), word) == out.end()) out.push_back(word);
            start = end + 1;
        }
    };
    if (type_of(value) == "MetaList")
        for (const auto& item : content_of(value)) add(meta_text(item));
    else
        add(meta_text(value));
    return out;
}

YAML::Node to_yaml(const json& value)
{
    const std::string& t = type_of(value);
    const json& c = content_of(value);
    if (t == "MetaMap") {
        YAML::Node map(YAML::NodeType::Map);
        for (const auto& [key, item] : c.items()) map[key] = to_yaml(item);
        return map;
    }
    if (t == "MetaList") {
        YAML::Node list(YAML::NodeType::Sequence);
        for (const auto& item : c) list.push_back(to_yaml(item));
        return list;
    }
    if (t == "MetaBool") return YAML::Node(c.get<bool>());
    return YAML::Node(meta_text(value));
}

YAML::Node sequence(const std::vector<std::string>& items)
{
    YAML::Node list(YAML::NodeType::Sequence);
    for (const auto& item : items) list.push_back(item);
    return list;
}

// A person of pandoc's metadata: a name, or a map of the parts the model's front matter takes
// (as pandoc's and Quarto's users write them: `name` as text or {given, family}, `orcid`,
// `email`, `affiliation(s)`, `corresponding`, `roles`); any other key is added to `dropped`.
YAML::Node person(const json& value, const std::string& key, std::vector<std::string>& dropped)
{
    if (type_of(value) != "MetaMap") return YAML::Node(meta_text(value));
    static const std::vector<std::string> passed = {"given", "surname", "organization", "orcid", "email",
                                                    "affiliation", "affiliations", "corresponding", "roles"};
    YAML::Node out(YAML::NodeType::Map);
    for (const auto& [part, item] : content_of(value).items()) {
        if (part == "name" && type_of(item) == "MetaMap") {
            const json& name = content_of(item);
            if (name.contains("given")) out["given"] = meta_text(name["given"]);
            if (name.contains("family")) out["surname"] = meta_text(name["family"]);
            else if (name.contains("literal")) out["name"] = meta_text(name["literal"]);
        } else if (part == "name") {
            out["name"] = meta_text(item);
        } else if (part == "family") {
            out["surname"] = meta_text(item);
        } else if (part == "affiliation" || part == "affiliations") {
            // Names or ids, or Quarto's maps, each by its name.
            std::vector<std::string> given;
            if (type_of(item) == "MetaList")
                for (const auto& one : content_of(item)) given.push_back(meta_text(one));
            else
                given.push_back(meta_text(item));
            out[part] = sequence(given);
        } else if (std::find(passed.begin(), passed.end(), part) != passed.end()) {
            out[part] = part == "corresponding" ? YAML::Node(meta_text(item) == "true") : to_yaml(item);
        } else {
            dropped.push_back(key + "." + part);
        }
    }
    return out;
}

YAML::Node people(const json& value, const std::string& key, std::vector<std::string>& dropped)
{
    YAML::Node list(YAML::NodeType::Sequence);
    if (type_of(value) == "MetaList")
        for (const auto& item : content_of(value)) list.push_back(person(item, key, dropped));
    else
        list.push_back(person(value, key, dropped));
    return list;
}

// A field whose inline markup the model keeps.
void rich_field(const json& value, TreeMapper& mapper, pugi::xml_node article, const char* field)
{
    pugi::xml_node node = model::meta_field(article, field);
    node.remove_children();
    const std::string& t = type_of(value);
    if (t == "MetaInlines") mapper.inlines(content_of(value), node);
    else if (t == "MetaBlocks") mapper.blocks_as_inlines(content_of(value), node);
    else node.text().set(meta_text(value).c_str());
    if (!node.first_child()) model::meta(article).remove_child(node);
}

int month_number(std::string name)
{
    static const char* const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (name.size() < 3) return 0;
    for (int i = 0; i < 12; ++i)
        if (name.compare(0, 3, months[i]) == 0) return i + 1;
    return 0;
}

std::optional<std::string> format_date(int year, int month, int day)
{
    using namespace std::chrono;
    if (month < 0 || month > 12 || (month == 0 && day != 0)) return std::nullopt;
    char text[16];
    if (month == 0) {
        std::snprintf(text, sizeof text, "%04d", year);
    } else if (day == 0) {
        std::snprintf(text, sizeof text, "%04d-%02d", year, month);
    } else {
        if (!year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                            std::chrono::day{static_cast<unsigned>(day)}}
                 .ok())
            return std::nullopt;
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    }
    return std::string(text);
}

}  // namespace

std::optional<std::string> normalize_date(const std::string& raw)
{
    std::string text = raw;
    text.erase(0, text.find_first_not_of(" \t\n"));
    text.erase(text.find_last_not_of(" \t\n") + 1);
    static const std::regex iso(R"((\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?)");
    static const std::regex day_month_year(R"((\d{1,2})\.?\s+([A-Za-z]+)\.?,?\s+(\d{4}))");
    static const std::regex month_day_year(R"(([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))");
    static const std::regex month_year(R"(([A-Za-z]+)\.?,?\s+(\d{4}))");
    static const std::regex dotted(R"((\d{1,2})\.(\d{1,2})\.(\d{4}))");
    static const std::regex slashed(R"((\d{1,2})/(\d{1,2})/(\d{4}))");
    std::smatch m;
    auto number = [&](int i) { return m[i].matched ? std::stoi(m[i].str()) : 0; };
    if (std::regex_match(text, m, iso)) return format_date(number(1), number(2), number(3));
    if (std::regex_match(text, m, day_month_year) && month_number(m[2]))
        return format_date(number(3), month_number(m[2]), number(1));
    if (std::regex_match(text, m, month_day_year) && month_number(m[1]))
        return format_date(number(3), month_number(m[1]), number(2));
    if (std::regex_match(text, m, month_year) && month_number(m[1])) return format_date(number(2), month_number(m[1]), 0);
    if (std::regex_match(text, m, dotted)) return format_date(number(3), number(2), number(1));
    // 03/04/2025 could be March or April: only an unambiguous one is read.
    if (std::regex_match(text, m, slashed)) {
        if (number(1) > 12) return format_date(number(3), number(2), number(1));
        if (number(2) > 12) return format_date(number(3), number(1), number(2));
    }
    return std::nullopt;
}

void map_metadata(const json& meta, TreeMapper& mapper, pugi::xml_node article, const std::string& file,
                  Diagnostics& diagnostics)
{
    YAML::Node front(YAML::NodeType::Map);
    std::vector<std::string> tags, dropped;
    const json* summary = nullptr;
    int summary_rank = 99;
    const auto& known = model::metadata_keys();
    for (const auto& [key, value] : meta.items()) {
        // Handled below, or an HTML page's plumbing rather than the article's.
        if (key == "title" || key == "subtitle" || key == "generator" || key == "viewport") continue;
        if (key == "abstract" || key == "summary" || key == "description") {
            int rank = key == "abstract" ? 0 : key == "summary" ? 1 : 2;
            if (rank < summary_rank) {
                summary = &value;
                summary_rank = rank;
            }
        } else if (key == "keywords" || key == "tags") {
            for (auto& word : keywords(value))
                if (std::find(tags.begin(), tags.end(), word) == tags.end()) tags.push_back(word);
        } else if (key == "date" || (key == "dcterms.date" && !meta.contains("date"))) {
            const std::string text = meta_text(value);
            if (auto date = normalize_date(text))
                front["date"] = *date;
            else
                diagnostics.warn({file, 0, 0}, "pandoc-date",
                                 "date '" + text + "' is not a date mimeo can read as YYYY-MM-DD; dropped");
        } else if (key == "lang") {
            const std::string text = meta_text(value);
            if (is_language_tag(text))
                front["lang"] = text;
            else
                diagnostics.warn({file, 0, 0}, "pandoc-meta", "language '" + text + "' is not a BCP 47 tag; dropped");
        } else if (key == "author" || key == "authors" || key == "translator" || key == "translators" ||
                   key == "editor" || key == "editors") {
            front[key] = key.rfind("author", 0) == 0 ? people(value, key, dropped) : sequence(names(value));
        } else if (key == "bibliography") {
            continue;  // after the loop
        } else if (std::find(known.begin(), known.end(), key) != known.end()) {
            front[key] = to_yaml(value);
        } else {
            dropped.push_back(key);
        }
    }
    if (!tags.empty()) front["tags"] = sequence(tags);
    // pandoc's metadata is a map in key order: the bibliography's works come after those of
    // `references:`, as a front matter that gives both reads them.
    if (meta.contains("bibliography")) front["bibliography"] = to_yaml(meta["bibliography"]);
    model::apply_metadata(front, {file, 1}, article, model::MetadataMode::replace, diagnostics);

    if (meta.contains("title")) rich_field(meta["title"], mapper, article, "title");
    if (meta.contains("subtitle")) rich_field(meta["subtitle"], mapper, article, "subtitle");
    if (summary) rich_field(*summary, mapper, article, "summary");

    if (!dropped.empty()) {
        std::string list;
        for (const auto& key : dropped) list += (list.empty() ? "" : ", ") + key;
        diagnostics.warn({file, 0, 0}, "pandoc-meta",
                         std::to_string(dropped.size()) + " metadata fields the model has no place for dropped: " + list);
    }
}

}  // namespace mimeo::pandoc
