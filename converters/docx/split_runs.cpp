#include "docx/split_runs.hpp"

namespace mimeo::docx {
namespace {

// Spacing is left apart: the mapping gives it the format of the text around it, not its own.
bool joins(const Inline& before, const Inline& x)
{
    return x.kind == InlineKind::text && before.kind == InlineKind::text && before.format == x.format &&
           !blank(before.text) && !blank(x.text);
}

}  // namespace

void join_split_runs(std::vector<Inline>& inlines)
{
    std::vector<Inline> joined;
    joined.reserve(inlines.size());
    for (Inline& x : inlines) {
        join_split_runs(x.content);
        if (!joined.empty() && joins(joined.back(), x)) {
            joined.back().text += x.text;
            continue;
        }
        joined.push_back(std::move(x));
    }
    inlines = std::move(joined);
}

}  // namespace mimeo::docx
