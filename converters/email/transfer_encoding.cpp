#include "email/transfer_encoding.hpp"

#include "common/base64.hpp"

namespace mimeo::email {
namespace {

constexpr std::size_t max_line_octets = 998;  // RFC 5322 2.1.1
constexpr std::size_t qp_line = 76;           // RFC 2045 6.7 (5)
const char hex_digits[] = "0123456789ABCDEF";

void qp_escape(unsigned char c, std::string& out)
{
    out += '=';
    out += hex_digits[c >> 4];
    out += hex_digits[c & 15];
}

// One line of text as quoted-printable lines, soft-broken with '=' at 76 characters.
void qp_line_encode(std::string_view line, std::string& out)
{
    std::size_t length = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        const bool last = i + 1 == line.size();
        std::string piece;
        // Trailing white space would be lost in transport; a line starting "From "
        // is escaped so that mbox files do not mangle it; '.' alone so SMTP does not.
        const bool line_start = length == 0;
        if (c == '=' || c >= 0x7F || (c < 0x20 && c != '\t') || ((c == ' ' || c == '\t') && last) ||
            (line_start && c == 'F' && line.substr(i, 5) == "From ") || (line_start && c == '.'))
            qp_escape(c, piece);
        else
            piece += static_cast<char>(c);
        // Room for the piece and, unless this is the end of the line, a soft break '='.
        const std::size_t limit = last ? qp_line : qp_line - 1;
        if (length + piece.size() > limit) {
            out += "=\n";
            length = 0;
            if (c == 'F' && line.substr(i, 5) == "From ") piece = "=46";
            else if (c == '.') piece = "=2E";
        }
        out += piece;
        length += piece.size();
    }
}

}  // namespace

const char* encoding_name(TransferEncoding encoding)
{
    switch (encoding) {
    case TransferEncoding::seven_bit: return "7bit";
    case TransferEncoding::eight_bit: return "8bit";
    case TransferEncoding::quoted_printable: return "quoted-printable";
    case TransferEncoding::base64: return "base64";
    }
    return "8bit";
}

std::optional<TransferEncoding> encoding_named(std::string_view name)
{
    for (auto e : {TransferEncoding::seven_bit, TransferEncoding::eight_bit, TransferEncoding::quoted_printable,
                   TransferEncoding::base64})
        if (name == encoding_name(e)) return e;
    return std::nullopt;
}

TransferEncoding choose_encoding(std::string_view body)
{
    bool eight_bit = false, needs_encoding = false;
    std::size_t non_ascii = 0, line = 0;
    for (char ch : body) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n') {
            line = 0;
            continue;
        }
        if (++line > max_line_octets || c == 0 || c == '\r') needs_encoding = true;
        if (c >= 0x80) {
            eight_bit = true;
            ++non_ascii;
        }
    }
    if (!needs_encoding) return eight_bit ? TransferEncoding::eight_bit : TransferEncoding::seven_bit;
    return non_ascii * 3 > body.size() ? TransferEncoding::base64 : TransferEncoding::quoted_printable;
}

std::string encode_body(std::string_view body, TransferEncoding encoding)
{
    std::string out;
    if (encoding == TransferEncoding::quoted_printable) {
        std::size_t start = 0;
        while (start < body.size()) {
            std::size_t end = body.find('\n', start);
            if (end == std::string_view::npos) end = body.size();
            qp_line_encode(body.substr(start, end - start), out);
            out += '\n';
            start = end + 1;
        }
        return out;
    }
    if (encoding == TransferEncoding::base64) {
        std::string canonical;
        canonical.reserve(body.size() + body.size() / 32);
        for (char c : body) {
            if (c == '\n') canonical += '\r';
            canonical += c;
        }
        const std::string encoded = base64(canonical);
        for (std::size_t i = 0; i < encoded.size(); i += qp_line) out += encoded.substr(i, qp_line) + "\n";
        return out;
    }
    out = body;
    if (!out.empty() && out.back() != '\n') out += '\n';
    return out;
}

}  // namespace mimeo::email
