#include "docx/edge_spacing.hpp"

#include <string_view>

namespace mimeo::docx {
namespace {

constexpr std::string_view spacing = " \t\n\r";

bool plain_text(const Inline& x) { return (x.kind == InlineKind::text && !x.format.code) || x.kind == InlineKind::tab; }

// One edge: `at_start` picks the front; `take` strips that edge of one piece's text.
template <typename Take>
void trim_edge(std::vector<Inline>& inlines, bool at_start, Take take)
{
    std::vector<Inline>* list = &inlines;
    while (list && !list->empty()) {
        Inline& edge = at_start ? list->front() : list->back();
        if (plain_text(edge)) {
            std::string text = edge.kind == InlineKind::tab ? "\t" : edge.text;
            take(text);
            if (text.empty() && list->size() > 1) {
                list->erase(at_start ? list->begin() : list->end() - 1);
                continue;
            }
            edge.kind = InlineKind::text;
            edge.text = std::move(text);
            return;
        }
        list = edge.kind == InlineKind::link ? &edge.content : nullptr;
    }
}

}  // namespace

void trim_edges(std::vector<Inline>& inlines)
{
    trim_edge(inlines, true, [](std::string& text) { text.erase(0, text.find_first_not_of(spacing)); });
    trim_edge(inlines, false, [](std::string& text) {
        const auto last = text.find_last_not_of(spacing);
        text.erase(last == std::string::npos ? 0 : last + 1);
    });
}

}  // namespace mimeo::docx
