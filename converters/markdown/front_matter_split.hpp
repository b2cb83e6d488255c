// Finds the front-matter block at the start of a Markdown file, in the three syntaxes static
// site generators take: YAML (`---` ... `---` or `...`), TOML (`+++` ... `+++`, Hugo and Zola)
// and JSON (an object from a first line that opens with `{`, Hugo).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mimeo::markdown {

struct FrontMatterSplit {
    std::string yaml;       // the front matter as YAML (JSON is YAML; TOML is rewritten, line for line); empty when none
    int yaml_first_line = 0;
    std::string_view body;  // the Markdown after it
};

// Throws mimeo::Error when a block is opened but never closed, or its TOML is not TOML.
FrontMatterSplit split_front_matter(std::string_view text, const std::string& file);

}  // namespace mimeo::markdown
