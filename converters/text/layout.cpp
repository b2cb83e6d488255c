#include "text/layout.hpp"

#include <algorithm>

#include "text/width.hpp"

namespace mimeo::text {
namespace {

constexpr int minimum_width = 20;

void trim_right(std::string& text)
{
    while (!text.empty() && text.back() == ' ') text.pop_back();
}

}  // namespace

Layout::Layout(int width) : width_(std::max(width, minimum_width)) {}

int Layout::available() const
{
    const Prefix p = prefix(frames_.size(), false);
    const int used = (p.quote_depth ? p.quote_depth + 1 : 0) + display_width(p.text);
    return std::max(width_ - used, minimum_width);
}

void Layout::push_quote() { frames_.push_back({true, "", 0, true}); }

void Layout::push_indent(std::string marker)
{
    const int indent = display_width(marker);
    frames_.push_back({false, std::move(marker), indent, true});
}

void Layout::pop()
{
    if (frames_.empty()) return;
    frames_.pop_back();
    blank_frames_ = std::min(blank_frames_, frames_.size());
}

void Layout::blank_line()
{
    if (lines_.empty()) return;
    if (!frames_.empty() && frames_.back().pending) return;
    if (!want_blank_) blank_frames_ = frames_.size();
    want_blank_ = true;
}

Layout::Prefix Layout::prefix(std::size_t frames, bool first_line) const
{
    Prefix p;
    for (std::size_t i = 0; i < frames; ++i) {
        const Frame& frame = frames_[i];
        if (frame.quote) {
            if (p.indented) p.text += "> ";
            else ++p.quote_depth;
        } else {
            p.indented = true;
            p.text += first_line && frame.pending ? frame.marker : std::string(static_cast<std::size_t>(frame.indent), ' ');
        }
    }
    return p;
}

void Layout::flush_blank()
{
    if (!want_blank_) return;
    want_blank_ = false;
    Prefix p = prefix(blank_frames_, false);
    trim_right(p.text);
    lines_.push_back({p.quote_depth, std::move(p.text), LineEnd::hard});
}

void Layout::emit(std::string_view text, LineEnd end)
{
    flush_blank();
    Prefix p = prefix(frames_.size(), true);
    p.text += text;
    trim_right(p.text);
    lines_.push_back({p.quote_depth, std::move(p.text), end});
    for (Frame& frame : frames_) frame.pending = false;
}

void Layout::paragraph(std::string_view text)
{
    const bool may_flow = !prefix(frames_.size(), false).indented;
    for (WrappedLine& line : wrap(text, available())) emit(line.text, may_flow ? line.end : LineEnd::hard);
}

void Layout::literal(std::string_view text) { emit(text, LineEnd::hard); }

void Layout::centered(std::string_view text)
{
    const int room = available();
    for (WrappedLine& line : wrap(text, room)) {
        const int margin = std::max(0, (room - display_width(line.text)) / 2);
        emit(std::string(static_cast<std::size_t>(margin), ' ') + line.text, LineEnd::hard);
    }
}

void Layout::underlined(std::string_view text, char rule)
{
    int widest = 0;
    for (WrappedLine& line : wrap(text, available())) {
        widest = std::max(widest, display_width(line.text));
        emit(line.text, LineEnd::hard);
    }
    emit(std::string(static_cast<std::size_t>(widest), rule), LineEnd::hard);
}

std::string to_plain(const std::vector<Line>& lines)
{
    std::string out;
    for (const Line& line : lines) {
        if (line.quote_depth > 0) {
            out.append(static_cast<std::size_t>(line.quote_depth), '>');
            if (!line.text.empty()) out += ' ';
        }
        out += line.text;
        out += '\n';
    }
    return out;
}

}  // namespace mimeo::text
