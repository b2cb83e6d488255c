// Transforms: small named units that take an article's tree and return it changed
// (in place). A pipeline's `transforms:` list names them, in the order they apply.
// Each is one file in this folder; docs/manual.md (Transforms) documents them all.
#pragma once

#include <pugixml.hpp>
#include <yaml-cpp/yaml.h>

#include <functional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/options.hpp"
#include "common/yaml_input.hpp"

namespace mimeo::transforms {

// What a pipeline wrote for one transform: `- name` or `- name: {settings}`.
struct Settings {
    YAML::Node values;  // a map; null when the transform was named alone
    yaml_input::Source source;
    std::string key_path;  // such as "transforms[2].set-metadata", for messages
    Location where;        // the list entry that named the transform
    FormatOptions options = {};  // `values` as options with the transform's defaults, once checked
    bool given() const { return values.IsDefined() && !values.IsNull(); }
};

struct Transform {
    std::string name;
    std::string description;  // one line, for --help and the docs
    std::vector<OptionSpec> options;
    // Checks the settings when the pipeline is loaded; throws mimeo::Error. When empty,
    // the settings are checked against `options`.
    std::function<void(const Settings&)> check;
    // Changes one <article>. Warnings go to `diagnostics`, located at `source_file`.
    std::function<void(pugi::xml_node article, const Settings&, const std::string& source_file, Diagnostics&)> apply;
};

const std::vector<Transform>& all();
const Transform* find(const std::string& name);
std::vector<std::string> name_list();
// "a, b, c": the names, for messages.
std::string names();

// Checks `settings` for `transform` (its own check, or its option specs, by the rules format
// options follow, in a pipeline key's words) and sets their `options`.
void check_settings(const Transform& transform, Settings& settings);

}  // namespace mimeo::transforms
