// Front-matter keys as a pipeline writes them (`defaults:`, set-metadata's settings),
// checked strictly: a pipeline is checked before it runs, so a misspelt key, even
// inside `source:`, is an error rather than the warning front matter gets.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "common/yaml_input.hpp"

namespace mimeo::transforms {

// Throws mimeo::Error at the offending key or value, naming `key_path`.
void check_metadata_strictly(const YAML::Node& map, const yaml_input::Source& source, const std::string& key_path);

}  // namespace mimeo::transforms
