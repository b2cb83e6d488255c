// URLs as feeds need them: percent-encoded (RFC 3986) and resolved against a base; and the one
// URL policy every metadata URL meets.
#pragma once

#include <string>
#include <string_view>

namespace mimeo {

// Bytes outside RFC 3986's unreserved and reserved characters as %XX; existing %XX kept.
std::string encode_url(std::string_view url);

// `reference` resolved against `base` (RFC 3986, section 5), both encoded first.
// The encoded reference unchanged when either cannot be parsed or `base` is empty.
std::string resolve_url(std::string_view reference, std::string_view base);

// The host of an absolute URL ("https://www.example.org/a" -> "www.example.org"), by libxml2's
// RFC 3986 parser; for one with none (mailto:, urn:) the URL itself.
std::string url_host(std::string_view url);

// True when `text` begins with a scheme, as in "https:", "mailto:" or "urn:".
bool is_absolute_url(std::string_view text);

// The first `length` characters of `url` as a browser reads them: ASCII whitespace and control
// characters left out ("java\tscript:"), letters in lower case.
std::string as_browser_reads(std::string_view url, std::size_t length);

// The scheme of `url` so read ("HTTPS://x" -> "https"); empty when it is relative.
std::string lower_scheme(std::string_view url);

// The URL policy: http, https and mailto anywhere; a relative reference only where the caller
// allows one. javascript:, vbscript:, data:, file: and every other scheme are refused.
bool allowed_url(std::string_view url, bool relative_allowed);

// An identifier that is never fetched (an Atom id, an RSS guid): an allowed URL, or a urn:
// (RFC 8141) or tag: (RFC 4151) URI.
bool allowed_identifier(std::string_view id);

}  // namespace mimeo
