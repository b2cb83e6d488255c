#include "markdown/pandoc_constructs.hpp"

#include <array>
#include <utility>
#include <vector>

#include "markdown/source_lines.hpp"
#include "markdown/tex_math.hpp"

namespace mimeo::markdown {
namespace {

enum Kind {
    definition_list,
    fenced_div,
    attributes,
    superscript,
    subscript,
    inline_note,
    grid_table,
    simple_table,
    line_block,
    example_list,
    table_caption,
    title_block,
    tex_math,
    kinds
};

struct Event {
    Kind kind;
    int line, column;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view without_newline(std::string_view line)
{
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    return line;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Only these characters, and at least one of `needed`.
bool made_of(std::string_view text, std::string_view allowed, char needed)
{
    return !text.empty() && text.find_first_not_of(allowed) == std::string_view::npos &&
           text.find(needed) != std::string_view::npos;
}

// "+---+===+" (a grid table's border) or "--- -----" (a simple table's rule: two groups or more).
bool grid_border(std::string_view t) { return t.size() > 2 && t.front() == '+' && t.back() == '+' && made_of(t, "+-=:", '-'); }
bool grid_header_border(std::string_view t) { return t.size() > 2 && t.front() == '+' && made_of(t, "+=:", '='); }
bool simple_rule(std::string_view t)
{
    if (!made_of(t, "- ", '-') || t.find(' ') == std::string_view::npos) return false;
    for (std::size_t at = 0; at < t.size();) {  // every group two dashes or more
        const std::size_t end = std::min(t.find(' ', at), t.size());
        if (end - at == 1) return false;
        at = t.find_first_not_of(' ', end);
        if (at == std::string_view::npos) break;
    }
    return true;
}

// A GFM table's delimiter row: "| --- | :-: |".
bool delimiter_row(std::string_view t) { return made_of(t, "|-: \t", '-') && t.find('|') != std::string_view::npos; }

class Scanner {
public:
    Scanner(const ConstructScan& scan, const std::string& file, int first_line)
        : first_line_(first_line), scan_(scan), file_(file)
    {
    }

    void line(std::string_view raw, int number)
    {
        const std::string_view line = without_newline(raw);
        const bool was_fenced = fences_.inside();
        if (fences_.is_code(raw)) {
            // pandoc's {.python #id key=value}; not Quarto's {python} or MyST's {note}, which are no attributes.
            const std::string_view info = FenceTracker::opening_info(line);
            const std::size_t brace = info.find('{');
            if (!was_fenced && brace != std::string_view::npos &&
                info.find_first_of(".#=", brace) < info.find('}', brace))
                note(attributes, number, line.find('{'));
            end_pipes();
            previous_blank_ = false;
            return;
        }
        const bool blank = is_blank(line);
        // Indented code after a blank line: left alone (a list's indented paragraphs with it).
        if (!blank && (line.rfind("    ", 0) == 0 || line.rfind('\t', 0) == 0) && (previous_blank_ || in_indented_)) {
            in_indented_ = true;
            return;
        }
        in_indented_ = false;
        if (blank) {
            end_pipes();
            in_grid_ = in_display_ = false;
            caption_candidate_ = colon_paragraph_;
            colon_paragraph_ = -1;
            before_blank_was_text_ = previous_text_;
            previous_blank_ = true;
            previous_text_ = false;
            return;
        }
        const std::size_t indent = line.find_first_not_of(' ');
        const std::string_view t = line.substr(indent);
        blocks(t, number, indent);
        if (in_display_) {  // the rest of a displayed math span, to its closing $$
            if (line.find("$$") != std::string_view::npos) in_display_ = false;
        } else if (!in_grid_ && !in_simple_) {
            inlines(line, number);
        }
        previous_blank_ = false;
    }

    void finish(Diagnostics& diagnostics)
    {
        end_pipes();
        // Each kind, and what GFM makes of it.
        constexpr const char* paragraphs = "GFM reads as paragraphs";
        constexpr const char* text = "GFM reads as plain text";
        static const std::array<std::pair<const char*, const char*>, kinds> kinds_said = {{
            {"definition-list definitions (a term, then a line opening ': ')", paragraphs},
            {"fenced divs (::: {.class})", text},
            {"attributes ({#id .class key=value}) on headings, spans, links, images or code", text},
            {"superscripts (^text^)", text},
            {"subscripts (~text~)", text},
            {"inline notes (^[text])", text},
            {"grid tables (+---+ borders)", paragraphs},
            {"simple or multiline tables (a rule of dash groups under their header)", paragraphs},
            {"line blocks (lines opening '| ')", paragraphs},
            {"example-list items ((@) or (@label))", paragraphs},
            {"table captions (a 'Table: ' or ': ' paragraph beside a table)", paragraphs},
            {"title blocks (% lines opening the file)", paragraphs},
            {"TeX math spans ($…$, $$…$$)",
             "GFM reads as text, its backslashes and underscores as Markdown (-I math=true reads them as math)"},
        }};
        for (int kind = 0; kind < kinds; ++kind) {
            std::size_t count = 0;
            const Event* first = nullptr;
            for (const Event& event : events_) {
                if (event.kind != kind) continue;
                ++count;
                if (!first || std::pair(event.line, event.column) < std::pair(first->line, first->column)) first = &event;
            }
            if (!count) continue;
            const auto [name, reading] = kinds_said[kind];
            const std::string said = kind == subscript && scan_.single_tilde
                                         ? "GFM reads as strikethrough (-I single-tilde=false keeps them as text)"
                                         : reading;
            diagnostics.warn({file_, first->line, first->column}, "pandoc-markdown",
                             std::to_string(count) + " " + name + ", pandoc's Markdown, which " + said +
                                 "; --from pandoc-markdown (or --engine pandoc) reads them");
        }
    }

private:
    void note(Kind kind, int line, std::size_t column)
    {
        events_.push_back({kind, line, static_cast<int>(column) + 1});
    }

    void blocks(std::string_view t, int number, std::size_t indent)
    {
        if (number == first_line_ && scan_.file_start && t.rfind("% ", 0) == 0) note(title_block, number, indent);
        if (t.rfind(":::", 0) == 0) {
            const std::size_t after = t.find_first_not_of(':');
            if (after != std::string_view::npos && !is_blank(t.substr(after))) note(fenced_div, number, indent);
        }
        // A multiline table's rows are parted by blank lines; a paragraph at the margin ends it.
        if (in_simple_ && previous_blank_ && indent == 0 && !simple_rule(t) && t.find_first_not_of('-') != std::string_view::npos)
            in_simple_ = false;
        const bool colon_line = t.size() > 2 && (t[0] == ':' || t[0] == '~') && (t[1] == ' ' || t[1] == '\t') &&
                                !is_blank(t.substr(2)) && indent <= 3;
        if ((colon_line && t[0] == ':' && after_table_ && previous_blank_) ||
            (t.rfind("Table:", 0) == 0 && previous_blank_ && after_table_))
            note(table_caption, number, indent);
        else if (colon_line && (previous_text_ || (previous_blank_ && before_blank_was_text_))) {
            note(definition_list, number, indent);
            colon_paragraph_ = static_cast<std::ptrdiff_t>(events_.size()) - 1;
        }
        if (caption_candidate_ >= 0 && (simple_rule(t) || grid_border(t) || t.find_first_not_of('-') == std::string_view::npos))
            events_[static_cast<std::size_t>(caption_candidate_)].kind = table_caption;
        caption_candidate_ = -1;
        const bool table_line = grid_border(t) || grid_header_border(t) || simple_rule(t) || in_grid_ || in_simple_;
        if (grid_border(t) || grid_header_border(t)) {
            if (!in_grid_) note(grid_table, number, indent);
            in_grid_ = true;
        }
        if (simple_rule(t)) {
            if (!in_simple_) note(simple_table, number, indent);
            in_simple_ = true;
        }
        if (t.rfind("(@", 0) == 0) {
            const std::size_t close = t.find(')');
            if (close != std::string_view::npos && close + 1 < t.size() && t[close + 1] == ' ') note(example_list, number, indent);
        }
        if (t.front() == '|' && !in_grid_) {
            if (pipes_.empty()) pipe_start_ = {number, indent};
            pipes_.push_back(t);
        } else {
            end_pipes();
        }
        previous_text_ = true;
        if (table_line || in_grid_ || in_simple_) after_table_ = true;
        else if (t.front() != '|') after_table_ = false;
    }

    // A run of '|' lines with no delimiter row is a line block, not a table.
    void end_pipes()
    {
        if (pipes_.empty()) return;
        bool table = false, spaced = false;
        for (std::string_view p : pipes_) {
            table = table || delimiter_row(p);
            spaced = spaced || (p.size() > 1 && p[1] == ' ');
        }
        if (!table && spaced) note(line_block, pipe_start_.first, pipe_start_.second);
        after_table_ = table;
        pipes_.clear();
    }

    void inlines(std::string_view line, int number)
    {
        for (std::size_t at = 0; at < line.size(); ++at) {
            const char c = line[at];
            if (c == '\\') {
                ++at;
            } else if (c == '`') {
                at = code_span_end(line, at) - 1;
            } else if (c == '^' && at + 1 < line.size()) {
                if (line[at + 1] == '[') {
                    if (at == 0 || line[at - 1] != '[') note(inline_note, number, at);
                } else if (at > 0 && line[at - 1] == '[') {
                    // a GFM footnote reference, [^1]
                } else if (const std::size_t end = closing(line, at, '^')) {
                    note(superscript, number, at);
                    at = end;
                }
            } else if (c == '~') {
                if (at + 1 < line.size() && line[at + 1] == '~') {
                    at = line.find_first_not_of('~', at) - 1;
                } else if (const std::size_t end = closing(line, at, '~')) {
                    note(subscript, number, at);
                    at = end;
                }
            } else if (c == '{' && at + 1 < line.size() && std::string_view("#.=-").find(line[at + 1]) != std::string_view::npos) {
                const std::size_t close = line.find('}', at);
                const bool after_inline = at > 0 && std::string_view("])`*_").find(line[at - 1]) != std::string_view::npos;
                const bool ends_heading = line.rfind('#', 0) == 0 && close != std::string_view::npos &&
                                          is_blank(line.substr(close + 1));
                if (close != std::string_view::npos && (after_inline || ends_heading)) {
                    note(attributes, number, at);
                    at = close;
                }
            } else if (c == '$' && !scan_.math_read) {
                bool display = false;
                if (const std::size_t end = math_span_end(line, at, display)) {
                    note(tex_math, number, at);
                    at = end - 1;
                } else if (display) {
                    note(tex_math, number, at);  // a displayed span that closes on a later line
                    in_display_ = true;
                    at = line.size();
                }
            }
        }
    }

    // The closing `mark` of ^text^ or ~text~ opening at `at`: text with no space, on the line; 0 if none.
    static std::size_t closing(std::string_view line, std::size_t at, char mark)
    {
        std::size_t j = at + 1;
        for (; j < line.size() && line[j] != mark; ++j) {
            if (line[j] == '\\') ++j;
            else if (is_space(line[j])) return 0;
        }
        if (j >= line.size() || j == at + 1) return 0;
        if (mark == '~' && j + 1 < line.size() && line[j + 1] == '~') return 0;
        return j;
    }

    const int first_line_;
    const ConstructScan& scan_;
    const std::string& file_;
    std::vector<Event> events_;
    // A ': ' paragraph just before a table is its caption, not a definition.
    std::ptrdiff_t colon_paragraph_ = -1, caption_candidate_ = -1;
    FenceTracker fences_;
    bool previous_blank_ = true, previous_text_ = false, before_blank_was_text_ = false, in_indented_ = false;
    bool in_grid_ = false, in_simple_ = false, in_display_ = false, after_table_ = false;
    std::vector<std::string_view> pipes_;
    std::pair<int, std::size_t> pipe_start_;
};

}  // namespace

void name_pandoc_constructs(std::string_view body, int first_line, const ConstructScan& scan, const std::string& file,
                            Diagnostics& diagnostics)
{
    Scanner scanner(scan, file, first_line);
    int number = first_line;
    for (std::size_t start = 0; start < body.size(); ++number) {
        std::size_t end = body.find('\n', start);
        end = end == std::string_view::npos ? body.size() : end + 1;
        scanner.line(body.substr(start, end - start), number);
        start = end;
    }
    scanner.finish(diagnostics);
}

}  // namespace mimeo::markdown
