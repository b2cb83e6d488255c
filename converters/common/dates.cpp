#include "common/dates.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <cstdlib>

namespace mimeo {
namespace {

namespace chr = std::chrono;

constexpr std::array<std::string_view, 7> weekday_names = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> month_names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::optional<Seconds> civil_seconds(int year, unsigned month, unsigned day, int hour = 0, int minute = 0,
                                     int second = 0)
{
    chr::year_month_day date{chr::year{year}, chr::month{month}, chr::day{day}};
    if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
    return chr::sys_days(date).time_since_epoch() / chr::seconds(1) + hour * 3600 + minute * 60 + second;
}

// Reads exactly `width` digits (any count when 0) at `pos`.
std::optional<int> digits(std::string_view text, std::size_t& pos, std::size_t width)
{
    std::size_t start = pos;
    int value = 0;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])) && (width == 0 ? pos - start < 9 : pos - start < width))
        value = value * 10 + (text[pos++] - '0');
    if (pos == start || (width && pos - start != width)) return std::nullopt;
    return value;
}

bool take(std::string_view text, std::size_t& pos, char c)
{
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

struct ClockTime {
    int hour, minute, second;
};

// "HH:MM:SS" at `pos`.
std::optional<ClockTime> clock_time(std::string_view text, std::size_t& pos)
{
    auto hour = digits(text, pos, 2);
    if (!hour || !take(text, pos, ':')) return std::nullopt;
    auto minute = digits(text, pos, 2);
    if (!minute || !take(text, pos, ':')) return std::nullopt;
    auto second = digits(text, pos, 2);
    if (!second) return std::nullopt;
    return ClockTime{*hour, *minute, *second};
}

// "+HH:MM" or "-HH:MM" at `pos`: minutes east of UTC.
std::optional<int> zone_offset(std::string_view text, std::size_t& pos)
{
    if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return std::nullopt;
    const int sign = text[pos++] == '-' ? -1 : 1;
    auto hours = digits(text, pos, 2);
    if (!hours || !take(text, pos, ':')) return std::nullopt;
    auto minutes = digits(text, pos, 2);
    if (!minutes || *hours > 23 || *minutes > 59) return std::nullopt;
    return sign * (*hours * 60 + *minutes);
}

void skip_spaces(std::string_view text, std::size_t& pos)
{
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
}

std::string_view word(std::string_view text, std::size_t& pos)
{
    std::size_t start = pos;
    while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos]))) ++pos;
    return text.substr(start, pos - start);
}

bool same_letters(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

// RFC 822 zone names, as minutes east of UTC. Military letters other than Z are ambiguous in practice: refused.
std::optional<int> zone_offset(std::string_view zone)
{
    static const std::array<std::pair<std::string_view, int>, 11> named = {
        {{"UT", 0}, {"GMT", 0}, {"Z", 0}, {"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300},
         {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420}}};
    for (const auto& [name, minutes] : named)
        if (same_letters(zone, name)) return minutes;
    return std::nullopt;
}

std::string two(int n) { return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)}; }

struct Civil {
    int year;
    unsigned month, day;
    long long hour, minute, second;
    unsigned weekday;
};

Civil civil(Seconds when)
{
    chr::sys_seconds t{chr::seconds(when)};
    chr::sys_days days = chr::floor<chr::days>(t);
    chr::year_month_day date{days};
    long long rest = (t - days).count();
    return {int(date.year()), unsigned(date.month()), unsigned(date.day()), rest / 3600, rest / 60 % 60, rest % 60,
            chr::weekday{days}.c_encoding()};
}

std::string four(int year)
{
    std::string s = std::to_string(year);
    return std::string(s.size() < 4 ? 4 - s.size() : 0, '0') + s;
}

}  // namespace

std::optional<Seconds> iso_date_seconds(std::string_view date)
{
    std::size_t pos = 0;
    auto year = digits(date, pos, 4);
    if (!year) return std::nullopt;
    unsigned month = 1, day = 1;
    if (take(date, pos, '-')) {
        auto m = digits(date, pos, 2);
        if (!m) return std::nullopt;
        month = unsigned(*m);
        if (take(date, pos, '-')) {
            auto d = digits(date, pos, 2);
            if (!d) return std::nullopt;
            day = unsigned(*d);
        }
    }
    if (pos != date.size()) return std::nullopt;
    return civil_seconds(*year, month, day);
}

std::optional<Instant> model_instant(std::string_view date, std::string_view time, int untimed_hour)
{
    auto day = iso_date_seconds(date);
    if (!day) return std::nullopt;
    if (time.empty()) return Instant{*day + Seconds(untimed_hour) * 3600, 0};
    std::size_t pos = 0;
    const auto clock = clock_time(time, pos);
    if (!clock) return std::nullopt;
    int offset = 0;
    if (pos < time.size() && time[pos] != 'Z') {
        const auto zone = zone_offset(time, pos);
        if (!zone) return std::nullopt;
        offset = *zone;
    } else {
        take(time, pos, 'Z');
    }
    if (pos != time.size()) return std::nullopt;
    return Instant{*day + clock->hour * 3600 + clock->minute * 60 + clock->second - Seconds(offset) * 60, offset};
}

std::string rfc822(Seconds when, int offset_minutes)
{
    Civil c = civil(when + Seconds(offset_minutes) * 60);
    const int zone = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    return std::string(weekday_names[c.weekday]) + ", " + two(int(c.day)) + " " +
           std::string(month_names[c.month - 1]) + " " + four(c.year) + " " + two(int(c.hour)) + ":" +
           two(int(c.minute)) + ":" + two(int(c.second)) + " " + (offset_minutes < 0 ? "-" : "+") +
           two(zone / 60) + two(zone % 60);
}

std::string rfc3339(Seconds when)
{
    Civil c = civil(when);
    return four(c.year) + "-" + two(int(c.month)) + "-" + two(int(c.day)) + "T" + two(int(c.hour)) + ":" +
           two(int(c.minute)) + ":" + two(int(c.second)) + "Z";
}

std::optional<Rfc822Date> parse_rfc822(std::string_view text)
{
    std::size_t pos = 0;
    skip_spaces(text, pos);
    std::optional<unsigned> weekday;
    std::size_t mark = pos;
    if (std::string_view name = word(text, pos); !name.empty()) {
        for (unsigned i = 0; i < weekday_names.size(); ++i)
            if (same_letters(name, weekday_names[i])) weekday = i;
        if (!weekday || !take(text, pos, ',')) return std::nullopt;
        skip_spaces(text, pos);
    } else {
        pos = mark;
    }
    auto day = digits(text, pos, 0);
    skip_spaces(text, pos);
    std::string_view month_name = word(text, pos);
    skip_spaces(text, pos);
    std::size_t year_start = pos;
    auto year = digits(text, pos, 0);
    if (!day || !year) return std::nullopt;
    const std::size_t year_width = pos - year_start;
    if (year_width != 2 && year_width != 4) return std::nullopt;
    unsigned month = 0;
    for (unsigned i = 0; i < month_names.size(); ++i)
        if (same_letters(month_name, month_names[i])) month = i + 1;
    if (!month) return std::nullopt;

    skip_spaces(text, pos);
    auto hour = digits(text, pos, 2);
    if (!hour || !take(text, pos, ':')) return std::nullopt;
    auto minute = digits(text, pos, 2);
    if (!minute) return std::nullopt;
    int second = 0;
    if (take(text, pos, ':')) {
        auto s = digits(text, pos, 2);
        if (!s) return std::nullopt;
        second = *s;
    }
    skip_spaces(text, pos);
    int offset = 0;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const int sign = text[pos++] == '-' ? -1 : 1;
        auto hhmm = digits(text, pos, 4);
        if (!hhmm) return std::nullopt;
        offset = sign * (*hhmm / 100 * 60 + *hhmm % 100);
    } else {
        auto named = zone_offset(word(text, pos));
        if (!named) return std::nullopt;
        offset = *named;
    }
    skip_spaces(text, pos);
    if (pos != text.size()) return std::nullopt;

    // Two-digit years, as RFC 822 allowed them: RFC 2822 section 4.3 reads 00-49 as 20xx.
    const int full_year = year_width == 4 ? *year : (*year < 50 ? 2000 + *year : 1900 + *year);
    auto local = civil_seconds(full_year, month, unsigned(*day), *hour, *minute, second);
    if (!local) return std::nullopt;
    Rfc822Date result;
    result.when = *local - Seconds(offset) * 60;
    result.four_digit_year = year_width == 4;
    if (weekday) result.weekday_matches = civil(*local).weekday == *weekday;
    return result;
}

std::optional<Seconds> parse_rfc3339(std::string_view text)
{
    std::size_t pos = 0;
    auto year = digits(text, pos, 4);
    if (!year || !take(text, pos, '-')) return std::nullopt;
    auto month = digits(text, pos, 2);
    if (!month || !take(text, pos, '-')) return std::nullopt;
    auto day = digits(text, pos, 2);
    if (!day || !(take(text, pos, 'T') || take(text, pos, 't'))) return std::nullopt;
    const auto clock = clock_time(text, pos);
    if (!clock) return std::nullopt;
    if (take(text, pos, '.') && !digits(text, pos, 0)) return std::nullopt;
    int offset = 0;
    if (!(take(text, pos, 'Z') || take(text, pos, 'z'))) {
        const auto zone = zone_offset(text, pos);
        if (!zone) return std::nullopt;
        offset = *zone;
    }
    if (pos != text.size()) return std::nullopt;
    auto local = civil_seconds(*year, unsigned(*month), unsigned(*day), clock->hour, clock->minute, clock->second);
    if (!local) return std::nullopt;
    return *local - Seconds(offset) * 60;
}

std::optional<Seconds> source_date_epoch()
{
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    if (!value || !*value) return std::nullopt;
    char* end = nullptr;
    long long seconds = std::strtoll(value, &end, 10);
    if (*end != '\0' || seconds < 0) return std::nullopt;
    return seconds;
}

}  // namespace mimeo
