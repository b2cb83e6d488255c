#include "text/wrap.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <stdexcept>

#include "text/width.hpp"

namespace mimeo::text {
namespace {

// Creating a line break iterator loads ICU's rules: once per thread, then reused.
icu::BreakIterator& line_breaker()
{
    thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> made(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !made) throw std::runtime_error("ICU line breaker unavailable: " + std::string(u_errorName(status)));
        return made;
    }();
    return *breaker;
}

bool is_space(char c) { return c == ' ' || c == '\n'; }

struct Span {
    std::size_t begin, end;
};

// Whitespace-delimited tokens that hold a URL: no break inside them.
std::vector<Span> url_spans(std::string_view text)
{
    std::vector<Span> spans;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        std::string_view token = text.substr(start, i - start);
        if (token.find("://") != std::string_view::npos || token.find("mailto:") != std::string_view::npos ||
            token.find("www.") != std::string_view::npos)
            spans.push_back({start, i});
    }
    return spans;
}

class Wrapper {
public:
    Wrapper(std::string_view text, int width) : text_(text), width_(width) {}

    std::vector<WrappedLine> run()
    {
        const std::vector<Span> protect = url_spans(text_);
        std::size_t next_span = 0;
        UErrorCode status = U_ZERO_ERROR;
        UText* utext = utext_openUTF8(nullptr, text_.data(), static_cast<int64_t>(text_.size()), &status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU cannot read the text to wrap");
        icu::BreakIterator& breaker = line_breaker();
        breaker.setText(utext, status);
        std::size_t previous = 0;
        for (int32_t b = breaker.next(); b != icu::BreakIterator::DONE; b = breaker.next()) {
            const auto position = static_cast<std::size_t>(b);
            const bool hard = breaker.getRuleStatus() >= UBRK_LINE_HARD;
            while (next_span < protect.size() && protect[next_span].end <= position) ++next_span;
            if (!hard && next_span < protect.size() && protect[next_span].begin < position) continue;
            segment(previous, position);
            if (hard) finish(position, LineEnd::hard);
            previous = position;
        }
        utext_close(utext);
        if (previous < text_.size()) segment(previous, text_.size());
        if (line_end_ > line_start_ || lines_.empty()) finish(text_.size(), LineEnd::hard);
        return std::move(lines_);
    }

private:
    // Adds the text between two break opportunities to the current line, first
    // ending the line when it would not fit.
    void segment(std::size_t begin, std::size_t end)
    {
        std::size_t content_end = end;
        while (content_end > begin && is_space(text_[content_end - 1])) --content_end;
        const int content_width = display_width(text_.substr(begin, content_end - begin));
        if (line_end_ > line_start_ && used_ + content_width > width_) {
            finish(begin, break_kind(begin));
        }
        used_ += content_width + static_cast<int>(end - content_end);
        line_end_ = end;
    }

    LineEnd break_kind(std::size_t at) const
    {
        return at > 0 && is_space(text_[at - 1]) ? LineEnd::soft_space : LineEnd::soft_join;
    }

    void finish(std::size_t end, LineEnd kind)
    {
        std::size_t stop = end;
        while (stop > line_start_ && is_space(text_[stop - 1])) --stop;
        lines_.push_back({std::string(text_.substr(line_start_, stop - line_start_)), kind});
        line_start_ = end;
        line_end_ = end;
        used_ = 0;
    }

    std::string_view text_;
    int width_;
    std::size_t line_start_ = 0;
    std::size_t line_end_ = 0;
    int used_ = 0;
    std::vector<WrappedLine> lines_;
};

}  // namespace

std::vector<WrappedLine> wrap(std::string_view text, int width)
{
    return Wrapper(text, width).run();
}

}  // namespace mimeo::text
