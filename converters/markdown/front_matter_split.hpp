// Finds a YAML front-matter block (`---` ... `---` or `...`) at the start of a Markdown file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mimeo::markdown {

struct FrontMatterSplit {
    std::string yaml;       // empty when there is no front matter
    int yaml_first_line = 0;
    std::string_view body;  // the Markdown after it
};

// Throws mimeo::Error when a block is opened but never closed.
FrontMatterSplit split_front_matter(std::string_view text, const std::string& file);

}  // namespace mimeo::markdown
