// `license` and `copyright` written as YAML, made into what an archive needs: a licence's URL
// as well as its name, and a copyright's year and holder as well as its statement.
#pragma once

#include <pugixml.hpp>
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

#include "common/yaml_input.hpp"

namespace mimeo::model {

// `license: URL`, an SPDX id or its spelling with spaces (`CC-BY-4.0`, `CC BY 4.0`), other text,
// or `{url, text}`. A Creative Commons licence named either way gets both its URL and its name.
void apply_license(const YAML::Node& value, const yaml_input::Source& source, pugi::xml_node article);

// `copyright: "© 2025 Holder"` (the year and holder read from it) or `{statement, year, holder}`.
void apply_copyright(const YAML::Node& value, const yaml_input::Source& source, pugi::xml_node article);

// The year and holder a statement such as "© 2025 Holder" or "Copyright 2025, Holder." names;
// both empty when it is not of that form.
struct CopyrightParts {
    std::string year, holder;
};
CopyrightParts copyright_parts(const std::string& statement);

// The Creative Commons licence `name` means ("CC BY-SA 4.0", "CC-BY-SA-4.0", "CC0-1.0"), as its
// deed's URL; empty when it names none.
std::string creative_commons_url(std::string_view name);

}  // namespace mimeo::model
