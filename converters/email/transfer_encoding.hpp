// Content-Transfer-Encoding (RFC 2045): 7bit or 8bit when the lines allow it,
// quoted-printable or base64 when they do not, or when asked.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mimeo::email {

enum class TransferEncoding { seven_bit, eight_bit, quoted_printable, base64 };

const char* encoding_name(TransferEncoding encoding);
// "7bit", "8bit", "quoted-printable", "base64"; nullopt for anything else.
std::optional<TransferEncoding> encoding_named(std::string_view name);

// The lightest encoding a body ('\n' line ends) can travel in: 7bit for short
// ASCII lines, 8bit for short lines with UTF-8, and when a line passes 998 octets
// (or a NUL or bare CR appears) quoted-printable for mostly-ASCII text, else base64.
TransferEncoding choose_encoding(std::string_view body);

// The body encoded, with '\n' line ends. For base64 the text is first put in
// canonical form (CRLF line ends), as RFC 2045 asks of text.
std::string encode_body(std::string_view body, TransferEncoding encoding);

}  // namespace mimeo::email
