#include "model/affiliations.hpp"

#include "model/model.hpp"

namespace mimeo::model {

std::vector<AuthorPlaces> author_places(pugi::xml_node article)
{
    std::vector<AuthorPlaces> found;
    for (pugi::xml_node c : meta(article).children("contributor")) {
        if (std::string_view(c.attribute("role").value()) != "author") continue;
        std::string places;
        for (const std::string& id : split_words(c.attribute("affiliations").value())) {
            pugi::xml_node a = meta(article).find_child_by_attribute("affiliation", "id", id.c_str());
            std::string place;
            for (const char* part : {"department", "institution", "city", "country"})
                if (std::string text = a.child(part).text().get(); !text.empty()) place += (place.empty() ? "" : ", ") + text;
            if (!place.empty()) places += (places.empty() ? "" : "; ") + place;
        }
        if (!places.empty() || *c.attribute("orcid").value())
            found.push_back({c.text().get(), places, c.attribute("orcid").value()});
    }
    return found;
}

}  // namespace mimeo::model
