// TOML front matter (Hugo's and Zola's `+++` blocks), read with toml++ and rewritten as YAML
// flow text that puts every key and value on the line it had, so that the one YAML front-matter
// reader (model/front_matter) takes the same keys and its errors point into the TOML.
#pragma once

#include <string>
#include <string_view>

namespace mimeo::markdown {

// `toml` is the block between the `+++` lines, whose first line is line `first_line` of `file`.
// Throws mimeo::Error toml, located, when it is not TOML 1.0.
std::string toml_as_yaml(std::string_view toml, const std::string& file, int first_line);

}  // namespace mimeo::markdown
