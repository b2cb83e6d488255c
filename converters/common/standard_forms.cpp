#include "common/standard_forms.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace mimeo {
namespace {

template <typename Test>
bool all_of(std::string_view text, Test test)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [&](char c) { return test(static_cast<unsigned char>(c)) != 0; });
}

int is_alpha(unsigned char c) { return std::isalpha(c); }
int is_digit(unsigned char c) { return std::isdigit(c); }
int is_alnum(unsigned char c) { return std::isalnum(c); }

bool alpha(std::string_view s, std::size_t low, std::size_t high)
{
    return s.size() >= low && s.size() <= high && all_of(s, is_alpha);
}

bool digits(std::string_view s, std::size_t count) { return s.size() == count && all_of(s, is_digit); }

int number(std::string_view s)
{
    int n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

// The irregular tags RFC 5646 grandfathers, which its grammar does not produce.
bool grandfathered(std::string_view tag)
{
    static const std::array<std::string_view, 17> irregular = {
        "en-gb-oed", "i-ami",   "i-bnn",    "i-default", "i-enochian", "i-hak",     "i-klingon", "i-lux",    "i-mingo",
        "i-navajo",  "i-pwn",   "i-tao",    "i-tay",     "i-tsu",      "sgn-be-fr", "sgn-be-nl", "sgn-ch-de"};
    std::string lower(tag);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::find(irregular.begin(), irregular.end(), lower) != irregular.end();
}

}  // namespace

bool is_iso_date(std::string_view value)
{
    if (value.size() != 4 && value.size() != 7 && value.size() != 10) return false;
    if (!digits(value.substr(0, 4), 4)) return false;
    if (value.size() == 4) return true;
    if (value[4] != '-' || !digits(value.substr(5, 2), 2)) return false;
    const int month = number(value.substr(5, 2));
    if (month < 1 || month > 12) return false;
    if (value.size() == 7) return true;
    if (value[7] != '-' || !digits(value.substr(8, 2), 2)) return false;
    const int year = number(value.substr(0, 4));
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static const std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int day = number(value.substr(8, 2));
    return day >= 1 && day <= days[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
}

std::optional<DateTime> parse_date_time(std::string_view value)
{
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    if (is_iso_date(value)) return DateTime{std::string(value), ""};
    if (value.size() < 16 || !is_iso_date(value.substr(0, 10)) || (value[10] != 'T' && value[10] != 't' && value[10] != ' '))
        return std::nullopt;
    std::string_view rest = value.substr(11);
    auto two = [&](int most) -> std::optional<int> {
        if (rest.size() < 2 || !digits(rest.substr(0, 2), 2)) return std::nullopt;
        const int n = number(rest.substr(0, 2));
        rest.remove_prefix(2);
        return n <= most ? std::optional<int>(n) : std::nullopt;
    };
    auto hour = two(23);
    if (!hour || rest.empty() || rest[0] != ':') return std::nullopt;
    rest.remove_prefix(1);
    auto minute = two(59);
    if (!minute) return std::nullopt;
    int second = 0;
    if (!rest.empty() && rest[0] == ':') {
        rest.remove_prefix(1);
        auto s = two(60);  // a leap second
        if (!s) return std::nullopt;
        second = *s;
        if (!rest.empty() && rest[0] == '.') {  // fractions of a second: kept to the second
            rest.remove_prefix(1);
            while (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0]))) rest.remove_prefix(1);
        }
    }
    if (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d", *hour, *minute, second);
    std::string time = buffer;
    if (rest == "Z" || rest == "z" || rest == "UTC") {
        time += "Z";
    } else if (!rest.empty()) {
        // +HH:MM, +HHMM, +HH or YAML's +H
        const char sign = rest[0];
        if (sign != '+' && sign != '-') return std::nullopt;
        rest.remove_prefix(1);
        std::string zone_digits;
        for (char c : rest)
            if (c != ':') zone_digits += c;
        if (zone_digits.empty() || zone_digits.size() > 4 || !digits(zone_digits, zone_digits.size())) return std::nullopt;
        int zone_hour = 0, zone_minute = 0;
        if (zone_digits.size() <= 2) zone_hour = number(zone_digits);
        else if (zone_digits.size() == 4) zone_hour = number(zone_digits.substr(0, 2)), zone_minute = number(zone_digits.substr(2));
        else return std::nullopt;
        if (zone_hour > 23 || zone_minute > 59) return std::nullopt;
        std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", sign, zone_hour, zone_minute);
        time += buffer;
    }
    return DateTime{std::string(value.substr(0, 10)), time};
}

bool is_language_tag(std::string_view tag)
{
    if (grandfathered(tag)) return true;
    std::vector<std::string_view> subtags;
    for (std::size_t start = 0;;) {
        const std::size_t dash = tag.find('-', start);
        std::string_view subtag = tag.substr(start, dash == std::string_view::npos ? tag.npos : dash - start);
        if (subtag.empty() || subtag.size() > 8 || !all_of(subtag, is_alnum)) return false;
        subtags.push_back(subtag);
        if (dash == std::string_view::npos) break;
        start = dash + 1;
    }
    std::size_t i = 0;
    auto at = [&](auto test) { return i < subtags.size() && test(subtags[i]); };
    auto is_x = [](std::string_view s) { return s == "x" || s == "X"; };
    // privateuse = "x" 1*("-" 1*8alphanum): everything after it is private.
    auto private_use = [&] { return at(is_x) && subtags.size() > i + 1; };
    if (private_use()) return true;
    if (!at([](std::string_view s) { return alpha(s, 2, 8); })) return false;
    const bool short_language = subtags[i++].size() <= 3;
    // extlang: up to three 3-letter subtags after a 2-3 letter language.
    for (int n = 0; short_language && n < 3 && at([](std::string_view s) { return alpha(s, 3, 3); }); ++n) ++i;
    if (at([](std::string_view s) { return alpha(s, 4, 4); })) ++i;                       // script
    if (at([](std::string_view s) { return alpha(s, 2, 2) || digits(s, 3); })) ++i;       // region
    while (at([](std::string_view s) {                                                   // variants
        return s.size() >= 5 || (s.size() == 4 && std::isdigit(static_cast<unsigned char>(s[0])));
    }))
        ++i;
    // extensions: a singleton other than x, then one or more subtags of 2-8.
    while (at([&](std::string_view s) { return s.size() == 1 && !is_x(s); })) {
        ++i;
        if (!at([](std::string_view s) { return s.size() >= 2; })) return false;
        while (at([](std::string_view s) { return s.size() >= 2; })) ++i;
    }
    if (private_use()) return true;
    return i == subtags.size();
}

bool is_known_language(std::string_view tag)
{
    if (!is_language_tag(tag)) return false;
    const std::string_view primary = tag.substr(0, tag.find('-'));
    if (primary.size() == 1 || grandfathered(tag)) return true;  // x- and i- tags
    if (primary.size() != 2) return primary.size() == 3;          // ISO 639-2/3, which ICU does not list whole
    std::string lower;
    for (char c : primary) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* const* code = icu::Locale::getISOLanguages(); *code; ++code)
        if (lower == *code) return true;
    return false;
}

std::string iso_country_code(std::string_view name)
{
    auto folded = [](std::string_view text) {
        std::string out;
        for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    const std::string wanted = folded(name);
    for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
        icu::UnicodeString english;
        icu::Locale("", *code).getDisplayCountry(icu::Locale::getEnglish(), english);
        std::string shown;
        english.toUTF8String(shown);
        if (folded(*code) == wanted || folded(shown) == wanted) return *code;
    }
    return "";
}

bool is_issn(std::string_view value)
{
    if (value.size() != 9 || value[4] != '-' || !digits(value.substr(0, 4), 4) || !digits(value.substr(5, 3), 3))
        return false;
    int sum = 0, weight = 8;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 7}) sum += (value[i] - '0') * weight--;
    const int check = (11 - sum % 11) % 11;
    const char last = value[8];
    return check == 10 ? (last == 'X' || last == 'x') : last == '0' + check;
}

std::string orcid_url(std::string_view value)
{
    for (std::string_view prefix : {"https://orcid.org/", "http://orcid.org/"})
        if (value.substr(0, prefix.size()) == prefix) value.remove_prefix(prefix.size());
    if (value.size() != 19 || value[4] != '-' || value[9] != '-' || value[14] != '-') return "";
    std::string chars;
    for (char c : value)
        if (c != '-') chars += c;
    if (!digits(std::string_view(chars).substr(0, 15), 15)) return "";
    int total = 0;
    for (int i = 0; i < 15; ++i) total = (total + (chars[i] - '0')) * 2;
    const int check = (12 - total % 11) % 11;
    const char last = chars[15];
    if (!(check == 10 ? (last == 'X' || last == 'x') : last == '0' + check)) return "";
    std::string url = "https://orcid.org/" + std::string(value);
    if (url.back() == 'x') url.back() = 'X';
    return url;
}

}  // namespace mimeo
