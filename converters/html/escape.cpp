#include "html/escape.hpp"

#include "common/url.hpp"

namespace mimeo::html {

void escape(std::string_view text, std::string& out)
{
    std::size_t plain_start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char* reference = nullptr;
        switch (text[i]) {
        case '&': reference = "&amp;"; break;
        case '<': reference = "&lt;"; break;
        case '>': reference = "&gt;"; break;
        case '"': reference = "&quot;"; break;
        default: continue;
        }
        out.append(text, plain_start, i - plain_start);
        out += reference;
        plain_start = i + 1;
    }
    out.append(text, plain_start, text.size() - plain_start);
}

std::string escape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    escape(text, out);
    return out;
}

void escape_url(std::string_view url, std::string& out) { escape(encode_url(url), out); }

}  // namespace mimeo::html
