// Header fields as RFC 5322 wants them on the wire: ASCII only (non-ASCII text as
// RFC 2047 encoded-words), folded at whitespace so that no line passes 78 characters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mimeo::email {

// Lines of a header field are joined with '\n', without a final newline.
constexpr std::size_t max_header_line = 78;

// `tokens` joined by single spaces after "Name:", folding before a token when the
// line would grow too long. A token is never cut.
std::string folded_header(std::string_view name, const std::vector<std::string>& tokens);

// Free text (Subject): plain ASCII words as they are, runs of words with other
// characters as encoded-words.
std::string unstructured_header(std::string_view name, std::string_view value);

// A display name (From, To, List-Id): atoms, a quoted-string, or encoded-words.
std::vector<std::string> phrase_tokens(std::string_view name);

// UTF-8 as "=?utf-8?q?...?=" or "=?utf-8?b?...?=" words (whichever is shorter), each
// at most 75 characters and holding whole characters, safe in a phrase.
std::vector<std::string> encoded_words(std::string_view utf8);

}  // namespace mimeo::email
