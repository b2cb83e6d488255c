// A pass over the Markdown before cmark-gfm parses it. Debian 12's cmark-gfm (0.29) takes
// polynomial time on some inputs of the cmark and cmark-gfm pathological suites: container
// markers nested thousands deep on one line (`- - - ... x` then blank lines, `>>>>...a*a*`)
// paragraphs of hundreds of thousands of image openers (`![[]()` repeated), and emphasis
// openers interleaved with closers of two kinds (`*a ` then `_a*_ `, cmark issue 389). Such input is
// refused here, located, before cmark sees it; no article a person writes comes near.
#pragma once

#include <string>
#include <string_view>

namespace mimeo::markdown {

// Throws mimeo::Error too-deep when one line opens more than `max_containers` block quotes
// and list items, or too-complex when one paragraph holds more than `max_image_openers` "![".
// `first_line` is the line number of the text's first line in its file.
void require_bounded_input(std::string_view text, const std::string& file, int first_line, int max_containers);

// More than any real paragraph holds, and few enough that cmark-gfm 0.29 stays fast.
inline constexpr int max_image_openers = 10'000;
// Under a second of cmark-gfm 0.29 on issue 389's input; a paragraph would need some
// ten thousand emphasised phrases to reach it.
inline constexpr long long max_emphasis_work = 500'000'000;

}  // namespace mimeo::markdown
