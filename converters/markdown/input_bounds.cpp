#include "markdown/input_bounds.hpp"

#include "common/diagnostics.hpp"

#include <algorithm>

namespace mimeo::markdown {
namespace {

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// A thematic break (`- - -`, `* * *`) is made of one marker and spaces: no list opens there.
bool thematic_break(std::string_view line)
{
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) return false;
    const char marker = line[first];
    if (marker != '-' && marker != '*' && marker != '_') return false;
    return line.find_first_not_of(std::string{marker, ' ', '\t', '\r'}) == std::string_view::npos;
}

// How many block quotes and list items the start of `line` opens: each a '>' or a bullet
// (- + *) or an ordered marker (1. 1)) followed by a space, with up to three spaces before it.
int containers_opened(std::string_view line)
{
    int count = 0;
    std::size_t at = 0;
    while (at < line.size()) {
        std::size_t spaces = 0;
        while (at < line.size() && line[at] == ' ' && spaces < 3) ++at, ++spaces;
        if (at >= line.size()) break;
        const char c = line[at];
        if (c == '>') {
            ++at;
        } else if ((c == '-' || c == '+' || c == '*') && at + 1 < line.size() && (line[at + 1] == ' ' || line[at + 1] == '\t')) {
            at += 2;
        } else if (c >= '0' && c <= '9') {
            std::size_t end = at;
            while (end < line.size() && end - at < 9 && line[end] >= '0' && line[end] <= '9') ++end;
            if (end + 1 >= line.size() || (line[end] != '.' && line[end] != ')') || line[end + 1] != ' ') break;
            at = end + 2;
        } else {
            break;
        }
        ++count;
    }
    return count;
}

// The emphasis and strikethrough delimiter runs (* _ ~) of one paragraph, counted as cmark-gfm
// 0.29 stacks them. Its emphasis pass rescans the whole stack for a closer whose lower bound
// was removed by a match of another kind (cmark issue 389), so the work grows as the stack
// size times the matches of the kinds other than the most matched one. "May open" and "may
// close" only look at whitespace beside the run: a superset of CommonMark's flanking rules.
class DelimiterTally {
public:
    void add_line(std::string_view line)
    {
        for (std::size_t at = 0; at < line.size();) {
            const int kind = kind_of(line[at]);
            if (kind < 0) {
                ++at;
                continue;
            }
            const std::size_t begin = at;
            while (at < line.size() && line[at] == line[begin]) ++at;
            Kind& k = kinds_[kind];
            if (at < line.size() && !space(line[at])) ++k.openers;
            if (begin > 0 && !space(line[begin - 1])) ++k.closers;
            if (at - begin > 1) k.only_single = false;
        }
    }

    // An upper bound, up to a constant, on the emphasis pass's steps.
    long long work() const
    {
        long long stack = 0, matches = 0, largest_single = 0;
        for (const Kind& k : kinds_) {
            const long long m = std::min(k.openers, k.closers);
            stack += k.openers;
            matches += m;
            // Matches of runs all one long never remove their own kind's bound.
            if (k.only_single) largest_single = std::max(largest_single, m);
        }
        return stack * (matches - largest_single);
    }

private:
    struct Kind {
        long long openers = 0, closers = 0;
        bool only_single = true;
    };
    static int kind_of(char c) { return c == '*' ? 0 : c == '_' ? 1 : c == '~' ? 2 : -1; }
    static bool space(char c) { return c == ' ' || c == '\t' || c == '\r'; }
    Kind kinds_[3];
};

}  // namespace

void require_bounded_input(std::string_view text, const std::string& file, int first_line, int max_containers)
{
    int line_number = first_line;
    int openers = 0, paragraph_line = 0;
    DelimiterTally delimiters;
    for (std::size_t start = 0; start < text.size(); ++line_number) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (blank(line)) {
            openers = 0, paragraph_line = 0;
            delimiters = {};
            continue;
        }
        if (paragraph_line == 0) paragraph_line = line_number;
        for (std::size_t at = line.find("!["); at != std::string_view::npos; at = line.find("![", at + 2)) ++openers;
        if (openers > max_image_openers)
            throw Error({file, paragraph_line, 1}, "too-complex",
                        "this paragraph holds more than " + std::to_string(max_image_openers) +
                            " image openers '![', which cmark-gfm cannot parse in bounded time; split it");
        delimiters.add_line(line);
        if (delimiters.work() > max_emphasis_work)
            throw Error({file, paragraph_line, 1}, "too-complex",
                        "this paragraph's emphasis marks (* _ ~) interleave in a way cmark-gfm cannot parse "
                        "in bounded time; split it with blank lines");
        if (!thematic_break(line) && containers_opened(line) > max_containers)
            throw Error({file, line_number, 1}, "too-deep",
                        "this line opens more than " + std::to_string(max_containers) +
                            " nested quotes and list items");
    }
}

}  // namespace mimeo::markdown
