#include "markdown/front_matter_split.hpp"

#include "common/diagnostics.hpp"
#include "markdown/toml_front_matter.hpp"

namespace mimeo::markdown {
namespace {

std::string_view line_at(std::string_view text, std::size_t pos, std::size_t& next)
{
    std::size_t end = text.find('\n', pos);
    next = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view line = text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line;
}

// A fenced block: the text between the first line `fence` and the next line that is `fence`
// (or, for YAML, `...`).
FrontMatterSplit fenced(std::string_view text, std::size_t start, std::string_view fence, const std::string& file)
{
    std::size_t next = start;
    int line_number = 2;
    for (std::size_t pos = start; pos < text.size(); pos = next, ++line_number) {
        std::string_view line = line_at(text, pos, next);
        if (line == fence || (fence == "---" && line == "..."))
            return {std::string(text.substr(start, pos - start)), 2, text.substr(next)};
    }
    throw Error({file, 1, 1}, "front-matter", "front matter opened with '" + std::string(fence) + "' is never closed");
}

// Hugo's JSON front matter: one object, which ends where its braces balance (outside strings).
FrontMatterSplit json_object(std::string_view text, const std::string& file)
{
    int depth = 0;
    bool in_string = false;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (in_string) {
            if (c == '\\') ++at;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            std::size_t next = at + 1;
            line_at(text, next, next);  // the rest of the closing line
            return {std::string(text.substr(0, at + 1)), 1, text.substr(next)};
        }
    }
    throw Error({file, 1, 1}, "front-matter", "JSON front matter opened with '{' is never closed");
}

// A first line "{" or `{ "key"`: JSON, not a body opening with `{{< shortcode >}}` or `{.class}`.
bool opens_json(std::string_view line)
{
    if (line.empty() || line[0] != '{') return false;
    const std::size_t after = line.find_first_not_of(" \t", 1);
    return after == std::string_view::npos || line[after] == '"' || line[after] == '}';
}

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text, const std::string& file)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::size_t next = 0;
    const std::string_view first = line_at(text, 0, next);
    if (first == "---") return fenced(text, next, "---", file);
    if (first == "+++") {
        FrontMatterSplit split = fenced(text, next, "+++", file);
        split.yaml = toml_as_yaml(split.yaml, file, split.yaml_first_line);
        return split;
    }
    if (opens_json(first)) return json_object(text, file);
    return {"", 0, text};
}

}  // namespace mimeo::markdown
