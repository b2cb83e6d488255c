// Reading Markdown source as a writer sees it, before cmark parses it: line by line, with
// fenced code told apart, and code spans within a line. The template, pandoc-construct and
// math scanners share it, so that none of them touches code.
#pragma once

#include <cstddef>
#include <string_view>

namespace mimeo::markdown {

// The length of the fence that `line` opens or closes (spaces, then three or more ` or ~, whose
// character goes to `marker`); 0 when it is no fence.
std::size_t fence_length(std::string_view line, char& marker);

// Where the code span opening at `at` (a run of backticks) ends: after its closing run of as
// many backticks on the line, or after the opening run when none closes it.
std::size_t code_span_end(std::string_view line, std::size_t at);

// Tracks fenced code blocks over successive lines.
class FenceTracker {
public:
    // True when `line` is code: a fence line, or inside a fenced block.
    bool is_code(std::string_view line);
    // True between an opening fence and its closing one.
    bool inside() const { return size_ != 0; }
    // The info string of the fence `line` opens, when it opens one (after is_code saw it).
    static std::string_view opening_info(std::string_view line);

private:
    char marker_ = 0;
    std::size_t size_ = 0;
};

}  // namespace mimeo::markdown
