// The publication and the issue, as written in YAML (a pipeline's `publication:`
// and `issue:` keys, or an issue description file holding just those two).
#pragma once

#include <pugixml.hpp>
#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "common/yaml_input.hpp"

namespace mimeo::model {

// `publication:` -> <publication>. Unknown keys and wrong types throw mimeo::Error.
// A relative logo path is resolved against `base`.
void apply_publication(const YAML::Node& map, const yaml_input::Source& source, pugi::xml_node issue,
                       const std::filesystem::path& base);

// `issue:` -> <number>, <volume>, <date>, <title>.
void apply_issue_fields(const YAML::Node& map, const yaml_input::Source& source, pugi::xml_node issue);

// A file with `publication:` and `issue:` keys, for `mimeo convert --issue FILE`.
void load_issue_description(const std::filesystem::path& path, pugi::xml_node issue);

}  // namespace mimeo::model
