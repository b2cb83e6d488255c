// Reading user-written YAML (front matter, issue descriptions, pipelines) with
// errors that point at file:line:col and name the key's path.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/standard_forms.hpp"

namespace mimeo::yaml_input {

struct Source {
    std::string file;
    int first_line = 1;  // the file line of the YAML text's first line (front matter starts after `---`)
};

YAML::Node parse(const std::string& text, const Source& source);

Location where(const Source& source, const YAML::Node& node);

[[noreturn]] void fail(const Source& source, const YAML::Node& node, const std::string& key_path,
                       const std::string& problem);

// Values of an expected shape, or an Error naming the key path.
std::string scalar(const Source& source, const YAML::Node& node, const std::string& key_path);
std::vector<std::string> string_list(const Source& source, const YAML::Node& node, const std::string& key_path);
void require_map(const Source& source, const YAML::Node& node, const std::string& key_path);
// true or false (YAML's spellings of them).
bool boolean(const Source& source, const YAML::Node& node, const std::string& key_path);
// A YYYY, YYYY-MM or YYYY-MM-DD date.
std::string date(const Source& source, const YAML::Node& node, const std::string& key_path);
// A date, or a date and time as common/standard_forms.hpp's parse_date_time reads it.
DateTime date_time(const Source& source, const YAML::Node& node, const std::string& key_path);
// A URL the URL policy allows (common/url.hpp: http, https, mailto; relative only when
// `relative_allowed`); else a located url-scheme error.
std::string url(const Source& source, const YAML::Node& node, const std::string& key_path, bool relative_allowed);

// Keys of `map` that `allowed` does not list: an error, or a warning when `diagnostics` is given.
void check_keys(const Source& source, const YAML::Node& map, const std::string& path,
                const std::vector<std::string_view>& allowed, Diagnostics* warn_only = nullptr);

std::string join_path(const std::string& parent, const std::string& key);

}  // namespace mimeo::yaml_input
