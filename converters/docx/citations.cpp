#include "docx/citations.hpp"

#include <algorithm>
#include <cctype>

#include "common/yaml_input.hpp"
#include "model/references.hpp"

namespace mimeo::docx {
namespace {

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

std::string scalar_at(const YAML::Node& map, const char* key)
{
    const YAML::Node value = map[key];
    return value && value.IsScalar() ? value.Scalar() : "";
}

// The citation's JSON: everything from the first brace (JSON is YAML, which yaml-cpp reads).
YAML::Node citation_data(const std::string& instruction)
{
    const auto brace = instruction.find('{');
    if (brace == std::string::npos) return {};
    try {
        return YAML::Load(instruction.substr(brace));
    } catch (const YAML::Exception&) {
        return {};
    }
}

}  // namespace

bool is_citation_field(const std::string& instruction)
{
    std::size_t at = instruction.find_first_not_of(" ");
    if (instruction.compare(at == std::string::npos ? 0 : at, 5, "ADDIN") != 0) return false;
    at = instruction.find_first_not_of(" ", at + 5);
    return at != std::string::npos &&
           (instruction.compare(at, 11, "ZOTERO_ITEM") == 0 || instruction.compare(at, 12, "CSL_CITATION") == 0);
}

std::string CitationFields::id_for(YAML::Node work)
{
    // Mendeley numbers the works of each field from ITEM-1: a work is known by its DOI, else
    // its title and year.
    std::string key = lowered(scalar_at(work, "DOI"));
    if (key.empty()) {
        const YAML::Node issued = work["issued"];
        const std::string year = issued && issued["date-parts"] && issued["date-parts"][0] && issued["date-parts"][0][0]
                                     ? issued["date-parts"][0][0].as<std::string>()
                                     : "";
        key = lowered(scalar_at(work, "title")) + "\n" + year;
    }
    if (auto known = ids_.find(key); known != ids_.end()) return known->second;
    const std::string id = "ref-" + std::to_string(works_.size() + 1);
    work["id"] = id;
    works_.push_back(work);
    ids_[key] = id;
    return id;
}

std::string CitationFields::cite(const std::string& instruction)
{
    const YAML::Node data = citation_data(instruction);
    const YAML::Node items = data.IsMap() ? data["citationItems"] : YAML::Node();
    std::vector<YAML::Node> cited;
    if (items && items.IsSequence())
        for (const YAML::Node& item : items)
            if (item.IsMap() && item["itemData"] && item["itemData"].IsMap()) cited.push_back(item["itemData"]);
    if (cited.empty() || (items && cited.size() != items.size())) {
        ++unreadable_;
        return "";
    }
    std::vector<std::string> ids;
    for (const YAML::Node& work : cited) ids.push_back(id_for(work));
    if (ids.size() == 1) return ids.front();
    ++several_;
    return "";
}

void CitationFields::add_references(pugi::xml_node article, const std::string& file, Diagnostics& diagnostics)
{
    const Location where{file, 0, 0};
    if (!works_.empty()) {
        YAML::Node list(YAML::NodeType::Sequence);
        for (const YAML::Node& work : works_) list.push_back(work);
        try {
            model::apply_references(list, {file + " (citation fields)", 1}, article, diagnostics);
        } catch (const Error& e) {
            diagnostics.warn(where, "docx-citation",
                             "the works Word's citation fields carry cannot be read (" + e.diagnostic().message +
                                 "); the citations are kept as their text");
            if (pugi::xml_node references = article.child("references")) article.remove_child(references);
        }
    }
    if (several_)
        diagnostics.warn(where, "docx-citation",
                         std::to_string(several_) + " citation fields citing several works at once kept as their text; "
                                                    "the works are in the references");
    if (unreadable_)
        diagnostics.warn(where, "docx-citation",
                         std::to_string(unreadable_) + " citation fields whose data cannot be read kept as their text");
}

}  // namespace mimeo::docx
