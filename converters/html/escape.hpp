// Escaping for HTML and XML text, attributes and URLs: the one place it is done.
#pragma once

#include <string>
#include <string_view>

namespace mimeo::html {

// & < > " as character references; for text and attribute values alike.
void escape(std::string_view text, std::string& out);
std::string escape(std::string_view text);

// A URL for an href or src: percent-encoded as common/url.hpp's encode_url does (existing %XX
// kept), then escaped for an attribute.
void escape_url(std::string_view url, std::string& out);

}  // namespace mimeo::html
