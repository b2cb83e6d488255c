// Values in the forms standards give them, checked one way everywhere: the calendar date of
// ISO 8601 (as the schema's iso-date), the language tag of BCP 47, and the identifiers whose
// last character is a check digit (ISSN, ORCID iD).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mimeo {

// YYYY, YYYY-MM or YYYY-MM-DD, naming a real month and a day that month has.
bool is_iso_date(std::string_view value);

// A calendar date with, when given, its time of day: RFC 3339's "2024-03-01T10:00:00Z" and
// "-08:00", Jekyll's "2013-05-06 02:12:52 +0200", YAML 1.1's timestamps ("2001-12-14 21:59:43.10 -5").
struct DateTime {
    std::string date;  // YYYY, YYYY-MM or YYYY-MM-DD
    std::string time;  // empty, or HH:MM:SS with the zone when one was given: "02:12:52+02:00", "10:00:00Z"
};
// The date and time `value` names, normalized as above; nullopt when it names none.
std::optional<DateTime> parse_date_time(std::string_view value);

// A well-formed tag by RFC 5646's grammar ("en", "pt-BR", "zh-Hant-TW", "x-klingon", "i-navajo").
// Its subtags are not looked up in the IANA registry: "english" is well-formed.
bool is_language_tag(std::string_view tag);

// A well-formed tag whose language is one: an ISO 639-1 code ICU knows ("en", not "xx"), a
// three-letter ISO 639-2/3 code, or a private or grandfathered tag. "english" is none.
bool is_known_language(std::string_view tag);

// The ISO 3166-1 alpha-2 code of a country named in English ("Norway", "United Kingdom") or by
// its code ("no"), from ICU's region data; empty when it names none.
std::string iso_country_code(std::string_view name);

// NNNN-NNNC with its ISO 3297 check digit (mod 11, X for 10): "2049-3630".
bool is_issn(std::string_view value);

// An ORCID iD as https://orcid.org/NNNN-NNNN-NNNN-NNNC (its ISO 7064 11,2 check digit right),
// from that URL, the http one, or the bare sixteen characters; empty when it is none.
std::string orcid_url(std::string_view value);

}  // namespace mimeo
