#include "markdown/template_syntax.hpp"

#include <array>
#include <string_view>

#include "markdown/source_lines.hpp"

namespace mimeo::markdown {
namespace {

struct Kind {
    std::string_view open, close, name;
    std::size_t count = 0;
    Location first = {};
};

}  // namespace

void handle_template_syntax(std::string& body, int first_line, bool strip, const std::string& file,
                            Diagnostics& diagnostics)
{
    // Longest opener first: "{{<" before "{{".
    std::array<Kind, 4> kinds = {{{"{{<", ">}}", "Hugo shortcodes {{< … >}}"},
                                  {"{{%", "%}}", "Hugo shortcodes {{% … %}}"},
                                  {"{%", "%}", "Liquid tags {% … %}"},
                                  {"{{", "}}", "Liquid output {{ … }}"}}};
    FenceTracker fences;
    int line_number = first_line;
    std::string out;
    out.reserve(body.size());
    for (std::size_t start = 0; start < body.size(); ++line_number) {
        std::size_t end = body.find('\n', start);
        end = end == std::string::npos ? body.size() : end + 1;
        const std::string_view line(body.data() + start, end - start);
        start = end;
        if (fences.is_code(line) || line.find('{') == std::string_view::npos) {
            out += line;
            continue;
        }
        for (std::size_t at = 0; at < line.size();) {
            if (line[at] == '`') {  // a code span, left alone
                const std::size_t stop = code_span_end(line, at);
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
