#include "model/contributors.hpp"

#include <set>

#include "common/standard_forms.hpp"
#include "model/credit_roles.hpp"
#include "model/model.hpp"

namespace mimeo::model {
namespace yi = yaml_input;

namespace {

const std::vector<std::string_view> person_keys = {"name",  "given",        "surname",       "organization",
                                                   "orcid", "email",        "affiliations",  "affiliation",
                                                   "corresponding", "roles"};
const std::vector<std::string_view> affiliation_keys = {"id", "institution", "department", "city", "country", "ror"};

std::set<std::string> affiliation_ids(pugi::xml_node article)
{
    std::set<std::string> ids;
    for (pugi::xml_node a : meta(article).children("affiliation")) ids.insert(a.attribute("id").value());
    return ids;
}

// An affiliation named only by its institution: found among those there, or added.
std::string affiliation_for(pugi::xml_node article, const std::string& institution)
{
    for (pugi::xml_node a : meta(article).children("affiliation"))
        if (model::text_of(a.child("institution")) == institution && !a.child("department")) return a.attribute("id").value();
    const auto ids = affiliation_ids(article);
    std::string id;
    for (std::size_t n = ids.size() + 1; id.empty() || ids.count(id); ++n) id = "aff" + std::to_string(n);
    pugi::xml_node a = append_meta_field(article, "affiliation");
    a.append_attribute("id") = id.c_str();
    a.append_child("institution").text().set(institution.c_str());
    return id;
}

class Person {
public:
    Person(const yi::Source& source, pugi::xml_node article, pugi::xml_node out) : source_(source), article_(article), out_(out) {}

    void read(const YAML::Node& value, const std::string& path)
    {
        if (value.IsScalar()) {
            name(yi::scalar(source_, value, path), value, path);
            return;
        }
        yi::require_map(source_, value, path);
        yi::check_keys(source_, value, path, person_keys);
        auto text = [&](const char* key) {
            return value[key] ? yi::scalar(source_, value[key], yi::join_path(path, key)) : std::string();
        };
        const std::string given = text("given"), surname = text("surname"), organization = text("organization");
        std::string shown = text("name");
        if (!organization.empty()) {
            if (!shown.empty() || !surname.empty()) yi::fail(source_, value, path, "is an organization or a person, not both");
            shown = organization;
            out_.append_attribute("collective") = "true";
        } else if (!surname.empty()) {
            out_.append_attribute("surname") = surname.c_str();
            if (!given.empty()) out_.append_attribute("given") = given.c_str();
            if (shown.empty()) shown = given.empty() ? surname : given + " " + surname;
        } else if (!given.empty()) {
            yi::fail(source_, value["given"], yi::join_path(path, "given"), "needs a 'surname' beside it");
        }
        name(shown, value, path);
        if (value["orcid"]) orcid(value["orcid"], yi::join_path(path, "orcid"));
        if (const std::string email = text("email"); !email.empty()) {
            if (email.find('@') == std::string::npos || email.find_first_of(" \t<>") != std::string::npos)
                yi::fail(source_, value["email"], yi::join_path(path, "email"), "must be an email address such as a@b.org");
            out_.append_attribute("email") = email.c_str();
        }
        if (value["corresponding"] && yi::boolean(source_, value["corresponding"], yi::join_path(path, "corresponding")))
            out_.append_attribute("corresponding") = "true";
        for (const char* key : {"affiliations", "affiliation"})
            if (value[key]) affiliations(value[key], yi::join_path(path, key));
        if (value["roles"]) roles(value["roles"], yi::join_path(path, "roles"));
    }

private:
    void name(const std::string& shown, const YAML::Node& value, const std::string& path)
    {
        if (shown.empty()) yi::fail(source_, value, path, "needs a name: 'name', 'given' and 'surname', or 'organization'");
        out_.text().set(shown.c_str());
    }

    void orcid(const YAML::Node& value, const std::string& path)
    {
        const std::string url = orcid_url(yi::scalar(source_, value, path));
        if (url.empty())
            yi::fail(source_, value, path, "must be an ORCID iD such as 0000-0002-1825-0097 (its last character is a check digit)");
        out_.append_attribute("orcid") = url.c_str();
    }

    // Ids of affiliations given under `affiliations:`, or institutions' names.
    void affiliations(const YAML::Node& value, const std::string& path)
    {
        const auto ids = affiliation_ids(article_);
        std::string refs;
        for (const std::string& item : yi::string_list(source_, value, path)) {
            const std::string id = ids.count(item) ? item : affiliation_for(article_, item);
            if ((" " + refs + " ").find(" " + id + " ") == std::string::npos) refs += (refs.empty() ? "" : " ") + id;
        }
        if (!refs.empty()) out_.append_attribute("affiliations") = refs.c_str();
    }

    void roles(const YAML::Node& value, const std::string& path)
    {
        std::string credit;
        for (const std::string& role : yi::string_list(source_, value, path)) {
            const std::string slug = slugify(role);
            if (!credit_role(slug))
                yi::fail(source_, value, path,
                         "'" + role + "' is not a CRediT role (conceptualization, data-curation, formal-analysis, "
                         "funding-acquisition, investigation, methodology, project-administration, resources, software, "
                         "supervision, validation, visualization, writing-original-draft, writing-review-editing)");
            credit += (credit.empty() ? "" : " ") + slug;
        }
        if (!credit.empty()) out_.append_attribute("credit") = credit.c_str();
    }

    const yi::Source& source_;
    pugi::xml_node article_;
    pugi::xml_node out_;
};

}  // namespace

void apply_affiliations(const YAML::Node& value, const yi::Source& source, pugi::xml_node article)
{
    for (pugi::xml_node a = meta(article).child("affiliation"); a; a = meta(article).child("affiliation"))
        meta(article).remove_child(a);
    const YAML::Node list = value.IsSequence() ? value : YAML::Node(std::vector<YAML::Node>{value});
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const YAML::Node item = list[i];
        const std::string path = "affiliations[" + std::to_string(i) + "]";
        if (item.IsScalar()) {
            affiliation_for(article, yi::scalar(source, item, path));
            continue;
        }
        yi::require_map(source, item, path);
        yi::check_keys(source, item, path, affiliation_keys);
        std::string id = item["id"] ? yi::scalar(source, item["id"], path + ".id") : "aff" + std::to_string(i + 1);
        if (id != slugify(id) || !std::isalpha(static_cast<unsigned char>(id[0])))
            yi::fail(source, item["id"], path + ".id", "must be a name such as aff1 or uni-oslo (a letter, then letters, digits and dashes)");
        if (!seen.insert(id).second) yi::fail(source, item["id"], path + ".id", "names another affiliation already");
        pugi::xml_node out = append_meta_field(article, "affiliation");
        out.append_attribute("id") = id.c_str();
        for (std::string_view key : affiliation_keys) {
            if (key == "id" || !item[std::string(key)]) continue;
            const std::string sub = path + "." + std::string(key);
            std::string text = yi::scalar(source, item[std::string(key)], sub);
            if (key == "ror") {
                if (text.rfind("https://ror.org/", 0) != 0) text = "https://ror.org/" + text;
                if (text.size() != 25 || text[16] != '0')
                    yi::fail(source, item["ror"], sub, "must be a ROR id such as https://ror.org/01xtthb56 or 01xtthb56");
            }
            out.append_child(std::string(key).c_str()).text().set(text.c_str());
        }
        if (!out.child("institution") && !out.child("department"))
            yi::fail(source, item, path, "needs an 'institution' (or a 'department')");
    }
}

void apply_contributors(const YAML::Node& value, const yi::Source& source, const std::string& key, const char* role,
                        pugi::xml_node article)
{
    for (pugi::xml_node c = meta(article).child("contributor"); c;) {
        pugi::xml_node next = c.next_sibling("contributor");
        if (std::string_view(c.attribute("role").value()) == role) meta(article).remove_child(c);
        c = next;
    }
    const bool many = value.IsSequence();
    for (std::size_t i = 0; i < (many ? value.size() : 1); ++i) {
        const YAML::Node item = many ? value[i] : value;
        if (item.IsNull() || (item.IsScalar() && item.Scalar().empty())) continue;
        pugi::xml_node out = append_meta_field(article, "contributor");
        out.append_attribute("role") = role;
        Person(source, article, out).read(item, many ? key + "[" + std::to_string(i) + "]" : key);
    }
}

}  // namespace mimeo::model
