#include "markdown/template_syntax.hpp"

#include <array>
#include <string_view>

namespace mimeo::markdown {
namespace {

struct Kind {
    std::string_view open, close, name;
    std::size_t count = 0;
    Location first = {};
};

// A fence line: up to three spaces, then three or more ` or ~.
std::size_t fence_length(std::string_view line, char& marker)
{
    const std::size_t start = line.find_first_not_of(' ');
    if (start == std::string_view::npos || start > 3 || (line[start] != '`' && line[start] != '~')) return 0;
    marker = line[start];
    const std::size_t end = line.find_first_not_of(marker, start);
    const std::size_t length = (end == std::string_view::npos ? line.size() : end) - start;
    return length >= 3 ? length : 0;
}

}  // namespace

void handle_template_syntax(std::string& body, int first_line, bool strip, const std::string& file,
                            Diagnostics& diagnostics)
{
    // Longest opener first: "{{<" before "{{".
    std::array<Kind, 4> kinds = {{{"{{<", ">}}", "Hugo shortcodes {{< … >}}"},
                                  {"{{%", "%}}", "Hugo shortcodes {{% … %}}"},
                                  {"{%", "%}", "Liquid tags {% … %}"},
                                  {"{{", "}}", "Liquid output {{ … }}"}}};
    char fence = 0;
    std::size_t fence_size = 0;
    int line_number = first_line;
    std::string out;
    out.reserve(body.size());
    for (std::size_t start = 0; start < body.size(); ++line_number) {
        std::size_t end = body.find('\n', start);
        end = end == std::string::npos ? body.size() : end + 1;
        const std::string_view line(body.data() + start, end - start);
        start = end;
        char marker = 0;
        const std::size_t length = fence_length(line, marker);
        if (fence_size) {  // inside a fenced code block: code, left alone
            if (length >= fence_size && marker == fence) fence_size = 0;
            out += line;
            continue;
        }
        if (length) {
            fence = marker, fence_size = length;
            out += line;
            continue;
        }
        if (line.find('{') == std::string_view::npos) {
            out += line;
            continue;
        }
        for (std::size_t at = 0; at < line.size();) {
            if (line[at] == '`') {  // a code span, to its closing run of as many backticks
                const std::size_t run_end = line.find_first_not_of('`', at);
                const std::string_view run = line.substr(at, (run_end == std::string_view::npos ? line.size() : run_end) - at);
                const std::size_t close = line.find(run, at + run.size());
                const std::size_t stop = close == std::string_view::npos ? at + run.size() : close + run.size();
                out += line.substr(at, stop - at);
                at = stop;
                continue;
            }
            Kind* found = nullptr;
            for (Kind& kind : kinds)
                if (line.substr(at, kind.open.size()) == kind.open) {
                    found = &kind;
                    break;
                }
            const std::size_t close = found ? line.find(found->close, at + found->open.size()) : std::string_view::npos;
            if (close == std::string_view::npos) {
                out += line[at++];
                continue;
            }
            if (found->count++ == 0) found->first = {file, line_number, static_cast<int>(at) + 1};
            const std::size_t stop = close + found->close.size();
            if (!strip) out += line.substr(at, stop - at);
            at = stop;
        }
    }
    for (const Kind& kind : kinds)
        if (kind.count)
            diagnostics.warn(kind.first, "template-syntax",
                             std::to_string(kind.count) + " " + std::string(kind.name) +
                                 (strip ? ", which no Markdown reader runs: removed"
                                        : ", which no Markdown reader runs: kept as text (-I templates=strip removes them)"));
    body = std::move(out);
}

}  // namespace mimeo::markdown
