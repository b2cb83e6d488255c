// Article metadata written as YAML (Markdown front matter, a pipeline's `defaults`,
// the set-metadata transform) applied to the model. The keys are listed in docs/manual.md.
#pragma once

#include <pugixml.hpp>
#include <yaml-cpp/yaml.h>

#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/yaml_input.hpp"

namespace mimeo::model {

enum class MetadataMode {
    replace,       // front matter and set-metadata: the YAML wins
    fill_missing,  // defaults: only fields the article does not set
};

// What a URL the URL policy refuses (common/url.hpp) makes of its key.
enum class BadUrls {
    error,  // a located url-scheme error
    warn,   // a located url-scheme warning; the key is left out
};

// Unknown keys are warnings in `diagnostics`; values of the wrong type throw mimeo::Error.
void apply_metadata(const YAML::Node& map, const yaml_input::Source& source, pugi::xml_node article,
                    MetadataMode mode, Diagnostics& diagnostics, BadUrls bad_urls = BadUrls::error);

const std::vector<std::string_view>& metadata_keys();

}  // namespace mimeo::model
