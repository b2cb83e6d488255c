// An RFC 5322 message: header fields, then one text part or a multipart/alternative
// of a text and an HTML part, each in the transfer encoding its lines need.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "email/transfer_encoding.hpp"

namespace mimeo::email {

struct BodyPart {
    std::string content_type;  // with parameters
    std::string body;          // UTF-8, '\n' line ends
};

// `fields` are folded header fields ("Name: value", '\n' between folded lines).
// `encoding` forces a transfer encoding; an 8bit that the lines do not allow is
// replaced by quoted-printable, with a warning. `seed` makes the boundary stable.
std::string build_message(const std::vector<std::string>& fields, const std::vector<BodyPart>& parts,
                          std::optional<TransferEncoding> encoding, bool crlf, const std::string& seed,
                          Diagnostics& diagnostics);

// The Date field's value for a model date (YYYY, YYYY-MM or YYYY-MM-DD) and its time attribute:
// "Mon, 06 May 2013 02:12:52 +0200" in the zone it was given in, "Mon, 14 Apr 2025 12:00:00
// +0000" (noon UTC) for a date alone, and now when `iso_date` is empty.
std::string rfc5322_date(const std::string& iso_date, const std::string& time);

}  // namespace mimeo::email
