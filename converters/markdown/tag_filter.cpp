#include "markdown/tag_filter.hpp"

#include <array>
#include <cctype>
#include <string_view>

namespace mimeo::markdown {
namespace {

constexpr std::array<std::string_view, 9> filtered = {"title",   "textarea", "style",    "xmp",      "iframe",
                                                      "noembed", "noframes", "script",   "plaintext"};

// The length of the filtered tag name that follows "<" or "</" at `at`, or 0.
std::size_t filtered_name_at(std::string_view html, std::size_t at)
{
    for (std::string_view name : filtered) {
        if (html.size() - at < name.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i)
            same = std::tolower(static_cast<unsigned char>(html[at + i])) == name[i];
        if (!same) continue;
        // The name ends there: whitespace, ">" or "/>" follow (or the raw text ends).
        const std::size_t end = at + name.size();
        if (end == html.size() || std::string_view(" \t\n\r\f>/").find(html[end]) != std::string_view::npos)
            return name.size();
    }
    return 0;
}

// `html` with each filtered tag's "<" written "&lt;"; `first` is the first tag's name.
std::string filtered_html(std::string_view html, int& count, std::string& first)
{
    std::string out;
    out.reserve(html.size());
    for (std::size_t at = 0; at < html.size(); ++at) {
        if (html[at] == '<') {
            const std::size_t name_at = at + 1 + (at + 1 < html.size() && html[at + 1] == '/' ? 1 : 0);
            if (const std::size_t length = filtered_name_at(html, name_at)) {
                if (count++ == 0) first = std::string(html.substr(at, name_at - at + length)) + ">";
                out += "&lt;";
                continue;
            }
        }
        out += html[at];
    }
    return out;
}

}  // namespace

void filter_raw_tags(cmark_node* root, int first_line, const std::string& file, Diagnostics& diagnostics)
{
    int count = 0, line = 0;
    std::string first;
    cmark_iter* iter = cmark_iter_new(root);
    for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter);
        const cmark_node_type type = cmark_node_get_type(node);
        if (event != CMARK_EVENT_ENTER || (type != CMARK_NODE_HTML_BLOCK && type != CMARK_NODE_HTML_INLINE)) continue;
        const char* literal = cmark_node_get_literal(node);
        if (!literal) continue;
        const int before = count;
        const std::string html = filtered_html(literal, count, first);
        if (count == before) continue;
        cmark_node_set_literal(node, html.c_str());
        if (before == 0) {
            // Inlines may carry no position of their own; their block does.
            cmark_node* placed = node;
            while (placed && cmark_node_get_start_line(placed) == 0) placed = cmark_node_parent(placed);
            line = placed ? first_line + cmark_node_get_start_line(placed) - 1 : 0;
        }
    }
    cmark_iter_free(iter);
    if (count)
        diagnostics.warn({file, line, 0}, "tagfilter",
                         std::to_string(count) + (count == 1 ? " raw HTML tag" : " raw HTML tags") +
                             " that GFM's tagfilter disarms (title, textarea, style, xmp, iframe, noembed, noframes, "
                             "script, plaintext) shown as text, as GitHub shows them; the first is " + first);
}

}  // namespace mimeo::markdown
