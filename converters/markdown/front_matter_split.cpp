#include "markdown/front_matter_split.hpp"

#include "common/diagnostics.hpp"

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

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text, const std::string& file)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::size_t next = 0;
    if (line_at(text, 0, next) != "---") return {"", 0, text};
    const std::size_t yaml_start = next;
    int line_number = 2;
    for (std::size_t pos = next; pos < text.size(); pos = next, ++line_number) {
        std::string_view line = line_at(text, pos, next);
        if (line == "---" || line == "...")
            return {std::string(text.substr(yaml_start, pos - yaml_start)), 2, text.substr(next)};
    }
    throw Error({file, 1, 1}, "front-matter", "front matter opened with '---' is never closed");
}

}  // namespace mimeo::markdown
