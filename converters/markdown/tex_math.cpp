#include "markdown/tex_math.hpp"

#include <cctype>

#include "markdown/source_lines.hpp"
#include "model/model.hpp"

namespace mimeo::markdown {
namespace {

constexpr std::string_view open_mark = "\xEE\x80\x80";   // U+E000, then the span's number
constexpr std::string_view close_mark = "\xEE\x80\x81";  // U+E001
constexpr std::string_view filler = "\xEE\x80\x82";      // U+E002: a line a displayed span covered

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// The close of a displayed span that `$$` at `open` of `body` opens: the next `$$` before a
// blank line; npos when there is none.
std::size_t display_close(std::string_view body, std::size_t open)
{
    for (std::size_t at = open + 2; at < body.size(); ++at) {
        if (body.compare(at, 2, "$$") == 0) return at;
        if (body[at] == '\n') {
            const std::size_t next = body.find_first_not_of(" \t\r", at + 1);
            if (next == std::string_view::npos || body[next] == '\n') return std::string_view::npos;
        }
    }
    return std::string_view::npos;
}

std::string trimmed(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return "";
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

bool in_code(pugi::xml_node node)
{
    for (pugi::xml_node up = node.parent(); up; up = up.parent()) {
        const std::string_view name = up.name();
        if (name == "code" || name == "code-block" || name == "raw") return true;
    }
    return false;
}

// Walks `text`: its plain runs go to `on_text`, each placeholder's span to `on_span`. A filler
// goes with the line break before it (in code) or all the space before it (in text).
template <typename OnText, typename OnSpan>
void scan(std::string_view text, const std::vector<MathSpan>& spans, bool code, OnText&& on_text, OnSpan&& on_span)
{
    std::string run;
    for (std::size_t at = 0; at < text.size();) {
        if (text.compare(at, filler.size(), filler) == 0) {
            if (code && !run.empty() && run.back() == '\n') run.pop_back();
            while (!code && !run.empty() && is_space(run.back())) run.pop_back();
            at += filler.size();
        } else if (text.compare(at, open_mark.size(), open_mark) == 0) {
            const std::size_t digits = at + open_mark.size();
            const std::size_t close = text.find(close_mark, digits);
            on_text(run);
            run.clear();
            on_span(spans.at(std::stoul(std::string(text.substr(digits, close - digits)))));
            at = close + close_mark.size();
        } else {
            run += text[at++];
        }
    }
    on_text(run);
}

// `text` with each placeholder written as its source again.
std::string as_written(std::string_view text, const std::vector<MathSpan>& spans)
{
    std::string out;
    scan(text, spans, true, [&](const std::string& run) { out += run; }, [&](const MathSpan& span) { out += span.source; });
    return out;
}

bool holds_placeholder(std::string_view text)
{
    return text.find(open_mark) != std::string_view::npos || text.find(filler) != std::string_view::npos;
}

}  // namespace

std::size_t math_span_end(std::string_view line, std::size_t at, bool& display)
{
    display = line.compare(at, 2, "$$") == 0;
    if (display) {
        const std::size_t close = line.find("$$", at + 2);
        return close == std::string_view::npos || close == at + 2 ? 0 : close + 2;
    }
    if (line[at] != '$' || at + 1 >= line.size() || is_space(line[at + 1])) return 0;
    for (std::size_t j = at + 1; j < line.size(); ++j) {
        if (line[j] == '\\') {
            ++j;
        } else if (line[j] == '$') {
            if (is_space(line[j - 1])) continue;
            if (j + 1 < line.size() && std::isdigit(static_cast<unsigned char>(line[j + 1]))) continue;
            return j + 1;
        }
    }
    return 0;
}

std::vector<MathSpan> protect_math(std::string& body)
{
    std::vector<MathSpan> spans;
    // A source that holds the placeholders' characters itself is left as it is.
    if (body.find(open_mark) != std::string::npos || body.find(filler) != std::string::npos) return spans;
    std::string out;
    out.reserve(body.size());
    FenceTracker fences;
    const std::string_view all(body);
    for (std::size_t pos = 0; pos < all.size();) {
        std::size_t line_end = all.find('\n', pos);
        line_end = line_end == std::string_view::npos ? all.size() : line_end + 1;
        std::string_view line = all.substr(pos, line_end - pos);
        if (fences.is_code(line)) {
            out += line;
            pos = line_end;
            continue;
        }
        for (std::size_t i = 0; i < line.size();) {
            const char c = line[i];
            if (c == '\\' && i + 1 < line.size()) {
                out += line.substr(i, 2);
                i += 2;
                continue;
            }
            if (c == '`') {
                const std::size_t stop = code_span_end(line, i);
                out += line.substr(i, stop - i);
                i = stop;
                continue;
            }
            bool display = false;
            std::size_t end = c == '$' ? math_span_end(line, i, display) : 0;
            std::size_t span_end = end ? pos + end : std::string_view::npos;
            if (!end && display) {
                const std::size_t close = display_close(all, pos + i);
                if (close != std::string_view::npos && close > pos + i + 2) span_end = close + 2;
            }
            if (span_end == std::string_view::npos) {
                out += c;
                ++i;
                continue;
            }
            const std::string_view source = all.substr(pos + i, span_end - pos - i);
            const std::size_t marks = display ? 2 : 1;
            spans.push_back({trimmed(source.substr(marks, source.size() - 2 * marks)), std::string(source), display});
            out += std::string(open_mark) + std::to_string(spans.size() - 1) + std::string(close_mark);
            for (char s : source)
                if (s == '\n') out += "\n" + std::string(filler);
            // Go on after the span, on the line it closes on.
            const std::size_t closing_line = all.rfind('\n', span_end - 1);
            if (closing_line != std::string_view::npos && closing_line >= pos + i) {
                pos = closing_line + 1;
                line_end = all.find('\n', pos);
                line_end = line_end == std::string_view::npos ? all.size() : line_end + 1;
                line = all.substr(pos, line_end - pos);
            }
            i = span_end - pos;
        }
        pos = line_end;
    }
    body = std::move(out);
    return spans;
}

void restore_math(pugi::xml_node root, const std::vector<MathSpan>& spans)
{
    if (spans.empty()) return;
    // Collected first: the text nodes are replaced, and new ones made, after the walk.
    std::vector<pugi::xml_node> texts;
    for (pugi::xml_node node = root.first_child(); node; node = model::next_in_tree(node, root)) {
        if ((node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) && holds_placeholder(node.value()))
            texts.push_back(node);
        for (pugi::xml_attribute attribute : node.attributes())
            if (holds_placeholder(attribute.value())) attribute.set_value(as_written(attribute.value(), spans).c_str());
    }
    for (pugi::xml_node text : texts) {
        if (in_code(text)) {
            text.set_value(as_written(text.value(), spans).c_str());
            continue;
        }
        pugi::xml_node parent = text.parent();
        const std::string value = text.value();
        scan(
            value, spans, false,
            [&](const std::string& run) {
                if (!run.empty()) parent.insert_child_before(pugi::node_pcdata, text).set_value(run.c_str());
            },
            [&](const MathSpan& span) {
                pugi::xml_node math = parent.insert_child_before("math", text);
                math.append_attribute("display") = span.display ? "block" : "inline";
                math.text().set(span.tex.c_str());
            });
        parent.remove_child(text);
    }
}

}  // namespace mimeo::markdown
