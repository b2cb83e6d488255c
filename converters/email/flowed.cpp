#include "email/flowed.hpp"

#include <algorithm>

namespace mimeo::email {

FlowedBody flowed(const std::vector<text::Line>& lines)
{
    FlowedBody body;
    body.delsp = std::any_of(lines.begin(), lines.end(), [](const text::Line& l) { return l.end == text::LineEnd::soft_join; });
    for (const text::Line& line : lines) {
        std::string text = line.text;
        const bool signature = text == "-- " && line.quote_depth == 0;
        if (!signature)
            while (!text.empty() && text.back() == ' ') text.pop_back();
        if (line.quote_depth > 0) {
            body.text.append(static_cast<std::size_t>(line.quote_depth), '>');
            if (!text.empty()) body.text += ' ';  // read as space-stuffing after the quote marks
        } else if (!text.empty() && (text[0] == ' ' || text[0] == '>' || text.rfind("From ", 0) == 0)) {
            body.text += ' ';
        }
        body.text += text;
        if (line.end == text::LineEnd::soft_space) body.text += body.delsp ? "  " : " ";
        else if (line.end == text::LineEnd::soft_join) body.text += ' ';
        body.text += '\n';
    }
    return body;
}

}  // namespace mimeo::email
