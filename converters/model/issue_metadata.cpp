#include "model/issue_metadata.hpp"

#include "common/files.hpp"
#include "common/standard_forms.hpp"
#include "model/model.hpp"

namespace fs = std::filesystem;

namespace mimeo::model {
namespace yi = yaml_input;

namespace {

const std::vector<std::string_view> publication_keys = {"title",    "tagline", "epigraph", "publisher", "language",
                                                        "url",      "issn",    "logo",     "rights",    "editor"};
const std::vector<std::string_view> publication_order = {"title", "tagline", "epigraph", "publisher", "language",
                                                         "url",   "issn",    "logo",     "rights",    "editor"};

void epigraph(const YAML::Node& value, const yi::Source& source, pugi::xml_node publication)
{
    pugi::xml_node node = ordered_child(publication, "epigraph", publication_order);
    if (value.IsScalar()) {
        node.append_child("p").text().set(value.Scalar().c_str());
        return;
    }
    yi::require_map(source, value, "publication.epigraph");
    yi::check_keys(source, value, "publication.epigraph", {"text", "attribution"});
    if (!value["text"]) yi::fail(source, value, "publication.epigraph", "needs a 'text' key");
    node.append_child("p").text().set(yi::scalar(source, value["text"], "publication.epigraph.text").c_str());
    if (value["attribution"])
        node.append_child("attribution")
            .text()
            .set(yi::scalar(source, value["attribution"], "publication.epigraph.attribution").c_str());
}

// `issn: 2049-3630` (the electronic ISSN) or `issn: {electronic, print}`.
void issn(const YAML::Node& value, const yi::Source& source, pugi::xml_node publication)
{
    std::vector<std::pair<std::string, const char*>> given;
    if (value.IsMap()) {
        yi::check_keys(source, value, "publication.issn", {"electronic", "print"});
        for (const char* medium : {"electronic", "print"})
            if (value[medium]) given.emplace_back(yi::scalar(source, value[medium], std::string("publication.issn.") + medium), medium);
    } else {
        given.emplace_back(yi::scalar(source, value, "publication.issn"), "electronic");
    }
    for (pugi::xml_node old = publication.child("issn"); old; old = publication.child("issn")) publication.remove_child(old);
    const pugi::xml_node place = ordered_child(publication, "issn", publication_order);  // where they go
    for (const auto& [number, medium] : given) {
        if (!is_issn(number))
            yi::fail(source, value.IsMap() ? value[medium] : value,
                     value.IsMap() ? std::string("publication.issn.") + medium : "publication.issn",
                     "must be an ISSN such as 2049-3630 (its last character is a check digit)");
        pugi::xml_node node = publication.insert_child_before("issn", place);
        node.append_attribute("medium") = medium;
        node.text().set(number.c_str());
    }
    publication.remove_child(place);
}

}  // namespace

void apply_publication(const YAML::Node& map, const yi::Source& source, pugi::xml_node issue, const fs::path& base)
{
    yi::require_map(source, map, "publication");
    yi::check_keys(source, map, "publication", publication_keys);
    if (!map["title"]) yi::fail(source, map, "publication", "needs a 'title' key");
    pugi::xml_node publication = issue_field(issue, "publication");
    for (const auto& entry : map) {
        const std::string key = entry.first.Scalar();
        const std::string path = "publication." + key;
        if (key == "epigraph") {
            epigraph(entry.second, source, publication);
            continue;
        }
        if (key == "issn") {
            issn(entry.second, source, publication);
            continue;
        }
        std::string value = key == "url" ? yi::url(source, entry.second, path, false) : yi::scalar(source, entry.second, path);
        if (key == "logo" && value.find("://") == std::string::npos) value = (base / value).lexically_normal().string();
        ordered_child(publication, key.c_str(), publication_order).text().set(value.c_str());
    }
}

void apply_issue_fields(const YAML::Node& map, const yi::Source& source, pugi::xml_node issue)
{
    yi::require_map(source, map, "issue");
    yi::check_keys(source, map, "issue", {"number", "volume", "date", "title"});
    for (const auto& entry : map) {
        const std::string key = entry.first.Scalar();
        const std::string path = "issue." + key;
        std::string value = key == "date" ? yi::date(source, entry.second, path) : yi::scalar(source, entry.second, path);
        issue_field(issue, key.c_str()).text().set(value.c_str());
    }
}

void load_issue_description(const fs::path& path, pugi::xml_node issue)
{
    const yi::Source source{path.string(), 1};
    std::string text = read_file(path);
    require_utf8(text, source.file);
    YAML::Node root = yi::parse(text, source);
    yi::require_map(source, root, "");
    yi::check_keys(source, root, "", {"publication", "issue"});
    if (root["publication"]) apply_publication(root["publication"], source, issue, path.parent_path());
    if (root["issue"]) apply_issue_fields(root["issue"], source, issue);
}

}  // namespace mimeo::model
