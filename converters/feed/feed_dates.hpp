// The dates feeds carry: RFC 822 (RSS, with a four-digit year) and RFC 3339 (Atom),
// both as seconds since 1970 in UTC so that items of any feed sort together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mimeo::feed {

using Seconds = std::int64_t;

// "2025-04-14", "2025-04" or "2025" (the model's dates), at midnight UTC on the first day missing.
std::optional<Seconds> iso_date_seconds(std::string_view date);

// "Mon, 14 Apr 2025 00:00:00 +0000"
std::string rfc822(Seconds when);
// "2025-04-14T00:00:00Z"
std::string rfc3339(Seconds when);

struct Rfc822Date {
    Seconds when = 0;
    bool four_digit_year = true;
    bool weekday_matches = true;  // true too when no weekday is given
};
// RFC 822 / RFC 1123 as feeds write it: optional weekday and seconds, numeric or named zones.
std::optional<Rfc822Date> parse_rfc822(std::string_view text);
// RFC 3339 date-time: a 'T', seconds, optional fraction, and 'Z' or an offset.
std::optional<Seconds> parse_rfc3339(std::string_view text);

// SOURCE_DATE_EPOCH (reproducible builds), when set to a number.
std::optional<Seconds> source_date_epoch();

}  // namespace mimeo::feed
