// Contributors and affiliations written as YAML (front matter, a pipeline's defaults, the
// set-metadata transform): a name, or a mapping of what is known of the person; affiliations
// by id, or as an institution's name. The keys are listed in docs/manual.md.
#pragma once

#include <pugixml.hpp>
#include <yaml-cpp/yaml.h>

#include <string>

#include "common/yaml_input.hpp"

namespace mimeo::model {

// `affiliations: [{id, institution, department, city, country, ror}, ...]` (an item may be a
// string: the institution). Read before the contributors, which name them by id.
void apply_affiliations(const YAML::Node& value, const yaml_input::Source& source, pugi::xml_node article);

// `authors` (or `translators`, `editors`; `key` names it for messages): a name, a mapping
// `{name | given + surname | organization, orcid, email, affiliations, corresponding, roles}`,
// or a list of either. Replaces the article's contributors of `role`.
void apply_contributors(const YAML::Node& value, const yaml_input::Source& source, const std::string& key,
                        const char* role, pugi::xml_node article);

}  // namespace mimeo::model
