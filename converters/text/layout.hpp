// The plain-text layout engine every text output shares, like cmark's render.c:
// wrapping at a width, the prefixes of nested quotes and list items, and
// blank lines between blocks. Renderers say what to write; Layout decides where.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/wrap.hpp"

namespace mimeo::text {

// One output line. Quote depth is kept apart from the text so that format=flowed
// can write its quote marks and space-stuffing; plain output writes "> ", ">> ".
struct Line {
    int quote_depth = 0;
    std::string text;  // after the quote marks: indentation, list markers, words
    LineEnd end = LineEnd::hard;
};

class Layout {
public:
    explicit Layout(int width);

    int width() const { return width_; }
    // Columns left for text after the current prefixes (never below a readable minimum).
    int available() const;

    // Quotes nest: each level adds one '>'.
    void push_quote();
    // A hanging indent: the first line after the push starts with `marker`, the
    // lines after it with as many spaces as the marker is wide.
    void push_indent(std::string marker);
    void pop();
    // True while nothing has been written since the innermost push.
    bool pending() const { return !frames_.empty() && frames_.back().pending; }

    // Asks for one blank line before whatever is written next. Repeated requests
    // collapse, and none is written at the start of the text or of a list item or quote.
    void blank_line();

    // Wrapped text ('\n' forces a break). Breaks are soft (flowed) only at the top
    // level or inside quotes; an indented paragraph keeps hard breaks so that its
    // hanging indent survives a reader that reflows.
    void paragraph(std::string_view text);
    // One line as it is, never wrapped (code, table rows, URLs).
    void literal(std::string_view text);
    // Wrapped, then each line centered in the available width.
    void centered(std::string_view text);
    // Wrapped with hard breaks and underlined to the width of its widest line.
    void underlined(std::string_view text, char rule);

    const std::vector<Line>& lines() const { return lines_; }
    std::vector<Line> take() { return std::move(lines_); }

private:
    struct Frame {
        bool quote = false;
        std::string marker;  // indent frames: the first line's marker
        int indent = 0;      // its display width
        bool pending = true;  // nothing written inside the frame yet
    };

    struct Prefix {
        int quote_depth = 0;
        std::string text;
        bool indented = false;
    };

    Prefix prefix(std::size_t frames, bool first_line) const;
    void emit(std::string_view text, LineEnd end);
    void flush_blank();

    int width_;
    std::vector<Frame> frames_;
    std::vector<Line> lines_;
    bool want_blank_ = false;
    std::size_t blank_frames_ = 0;  // how many frames the blank line's prefix keeps
};

// Plain text: quote marks as ">"s and a space, lines joined with '\n'.
std::string to_plain(const std::vector<Line>& lines);

}  // namespace mimeo::text
