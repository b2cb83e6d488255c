#include "markdown/source_lines.hpp"

namespace mimeo::markdown {

std::size_t fence_length(std::string_view line, char& marker)
{
    // Any indent: a fence inside a list item is indented as the item's text is.
    const std::size_t start = line.find_first_not_of(' ');
    if (start == std::string_view::npos || (line[start] != '`' && line[start] != '~')) return 0;
    marker = line[start];
    const std::size_t end = line.find_first_not_of(marker, start);
    const std::size_t length = (end == std::string_view::npos ? line.size() : end) - start;
    return length >= 3 ? length : 0;
}

std::size_t code_span_end(std::string_view line, std::size_t at)
{
    const std::size_t run_end = line.find_first_not_of('`', at);
    const std::string_view run = line.substr(at, (run_end == std::string_view::npos ? line.size() : run_end) - at);
    const std::size_t close = line.find(run, at + run.size());
    return close == std::string_view::npos ? at + run.size() : close + run.size();
}

bool FenceTracker::is_code(std::string_view line)
{
    char marker = 0;
    const std::size_t length = fence_length(line, marker);
    if (size_) {
        if (length >= size_ && marker == marker_) size_ = 0;
        return true;
    }
    if (!length) return false;
    marker_ = marker, size_ = length;
    return true;
}

std::string_view FenceTracker::opening_info(std::string_view line)
{
    char marker = 0;
    const std::size_t length = fence_length(line, marker);
    if (!length) return {};
    const std::size_t start = line.find(marker);
    std::string_view info = line.substr(start + length);
    const std::size_t first = info.find_first_not_of(" \t");
    const std::size_t last = info.find_last_not_of(" \t\r\n");
    return first == std::string_view::npos ? std::string_view() : info.substr(first, last - first + 1);
}

}  // namespace mimeo::markdown
