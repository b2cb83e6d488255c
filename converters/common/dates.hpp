// Dates as instants: the model's (a calendar date, with a time of day when the source gave one),
// and those feeds and mail carry, RFC 822 (RSS and the Date header, with a four-digit year) and
// RFC 3339 (Atom), all as seconds since 1970 in UTC so that items of any feed sort together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mimeo {

using Seconds = std::int64_t;

// "2025-04-14", "2025-04" or "2025" (the model's dates), at midnight UTC on the first day missing.
std::optional<Seconds> iso_date_seconds(std::string_view date);

struct Instant {
    Seconds when = 0;
    int offset_minutes = 0;  // the zone it was given in, east of UTC
};
// The model's <date> and its time attribute ("02:12:52+02:00", "10:00:00Z"; a time without a
// zone is read as UTC); with no time, midnight UTC, or `untimed_hour` UTC when given.
std::optional<Instant> model_instant(std::string_view date, std::string_view time, int untimed_hour = 0);

// "Mon, 14 Apr 2025 00:00:00 +0000", or in the zone `offset_minutes` east of UTC.
std::string rfc822(Seconds when, int offset_minutes = 0);
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

}  // namespace mimeo
