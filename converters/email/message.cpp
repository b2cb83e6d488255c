#include "email/message.hpp"

#include <xxhash.h>

#include <chrono>
#include <cstdio>

namespace mimeo::email {
namespace {

std::string hex64(std::uint64_t value)
{
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
    return buffer;
}

// The part's headers and encoded body.
std::string part_text(const BodyPart& part, std::optional<TransferEncoding> forced, Diagnostics& diagnostics)
{
    const TransferEncoding needed = choose_encoding(part.body);
    TransferEncoding encoding = forced.value_or(needed);
    const bool must_encode = needed == TransferEncoding::quoted_printable || needed == TransferEncoding::base64;
    if (encoding == TransferEncoding::eight_bit && must_encode) {
        diagnostics.warn({}, "email-encoding",
                         "a line of the " + part.content_type.substr(0, part.content_type.find(';')) +
                             " part is too long for 8bit (over 998 octets); it is sent quoted-printable");
        encoding = TransferEncoding::quoted_printable;
    }
    return "Content-Type: " + part.content_type + "\nContent-Transfer-Encoding: " + encoding_name(encoding) + "\n\n" +
           encode_body(part.body, encoding);
}

}  // namespace

std::string build_message(const std::vector<std::string>& fields, const std::vector<BodyPart>& parts,
                          std::optional<TransferEncoding> encoding, bool crlf, const std::string& seed,
                          Diagnostics& diagnostics)
{
    std::string out;
    for (const std::string& field : fields) out += field + "\n";
    out += "MIME-Version: 1.0\n";
    if (parts.size() == 1) {
        out += part_text(parts.front(), encoding, diagnostics);
    } else {
        std::vector<std::string> texts;
        for (const BodyPart& part : parts) texts.push_back(part_text(part, encoding, diagnostics));
        // "=_" cannot occur in quoted-printable or base64; the loop guards 8bit text.
        std::string boundary;
        for (std::uint64_t salt = 0;; ++salt) {
            boundary = "=_mimeo_" + hex64(XXH3_64bits_withSeed(seed.data(), seed.size(), salt));
            bool clash = false;
            for (const auto& text : texts) clash = clash || text.find(boundary) != std::string::npos;
            if (!clash) break;
        }
        out += "Content-Type: multipart/alternative;\n boundary=\"" + boundary + "\"\n\n";
        out += "This is a message in MIME format: the text, then the same as HTML.\n";
        for (const auto& text : texts) out += "\n--" + boundary + "\n" + text;
        out += "\n--" + boundary + "--\n";
    }
    if (!crlf) return out;
    std::string wire;
    wire.reserve(out.size() + out.size() / 40);
    for (char c : out) {
        if (c == '\n') wire += '\r';
        wire += c;
    }
    return wire;
}

std::string rfc5322_date(const std::string& iso_date)
{
    using namespace std::chrono;
    static const char* day_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    sys_seconds when;
    if (iso_date.size() >= 4) {
        const int y = std::stoi(iso_date.substr(0, 4));
        const unsigned m = iso_date.size() >= 7 ? static_cast<unsigned>(std::stoi(iso_date.substr(5, 2))) : 1;
        const unsigned d = iso_date.size() >= 10 ? static_cast<unsigned>(std::stoi(iso_date.substr(8, 2))) : 1;
        // Noon UTC: the same calendar day from UTC-11 to UTC+11.
        when = sys_days(year{y} / month{m} / day{d}) + hours{12};
    } else {
        when = floor<seconds>(system_clock::now());
    }
    const sys_days day_start = floor<days>(when);
    const year_month_day ymd(day_start);
    const hh_mm_ss time(when - day_start);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02d:%02d:%02d +0000",
                  day_names[weekday(day_start).c_encoding()], static_cast<unsigned>(ymd.day()),
                  month_names[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return buffer;
}

}  // namespace mimeo::email
