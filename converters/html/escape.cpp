#include "html/escape.hpp"

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

namespace {

// RFC 3986 unreserved and reserved characters, plus '%' for existing escapes.
bool url_safe(unsigned char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("-._~:/?#@!$&'()*+,;=%").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

void escape_url(std::string_view url, std::string& out)
{
    static const char hex[] = "0123456789ABCDEF";
    for (unsigned char c : url) {
        if (c == '&') out += "&amp;";
        else if (c == '\'') out += "&#x27;";
        else if (url_safe(c)) out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
}

}  // namespace mimeo::html
