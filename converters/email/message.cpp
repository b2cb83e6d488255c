#include "email/message.hpp"

#include "common/dates.hpp"

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

std::string rfc5322_date(const std::string& iso_date, const std::string& time)
{
    // Noon UTC when only the day is known: the same calendar day from UTC-11 to UTC+11.
    if (const auto when = model_instant(iso_date, time, 12)) return rfc822(when->when, when->offset_minutes);
    return rfc822(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()).time_since_epoch().count());
}

}  // namespace mimeo::email
