// Values in the forms standards give them, checked one way everywhere: the calendar date of
// ISO 8601 (as the schema's iso-date) and the language tag of BCP 47.
#pragma once

#include <string_view>

namespace mimeo {

// YYYY, YYYY-MM or YYYY-MM-DD, naming a real month and a day that month has.
bool is_iso_date(std::string_view value);

// A well-formed tag by RFC 5646's grammar ("en", "pt-BR", "zh-Hant-TW", "x-klingon", "i-navajo").
// Its subtags are not looked up in the IANA registry: "english" is well-formed.
bool is_language_tag(std::string_view tag);

}  // namespace mimeo
