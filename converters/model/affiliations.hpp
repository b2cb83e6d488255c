// What the pages and the plain text show of where the authors work, and their ORCID iDs.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <vector>

namespace mimeo::model {

struct AuthorPlaces {
    std::string name;
    std::string places;  // "Research Desk, Lamplighter Press Cooperative, Liverpool, United Kingdom; ..."
    std::string orcid;   // https://orcid.org/..., or empty
};

// The article's authors whose affiliations or ORCID iD are known, in order.
std::vector<AuthorPlaces> author_places(pugi::xml_node article);

}  // namespace mimeo::model
