#include "email/mime_reader.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

namespace mimeo::email {
namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::optional<std::string> base64_bytes(std::string_view text)
{
    std::string out;
    unsigned buffer = 0;
    int bits = 0, padding = 0;
    for (char c : text) {
        int v;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '+') v = 62;
        else if (c == '/') v = 63;
        else if (c == '=') {
            ++padding;
            continue;
        } else return std::nullopt;
        if (padding) return std::nullopt;  // data after padding
        buffer = buffer << 6 | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    if (padding > 2) return std::nullopt;
    return out;
}

// One encoded-word's text, or nullopt.
std::optional<std::string> decode_word(std::string_view word)
{
    if (word.size() > 75) return std::nullopt;
    std::string_view inner = word.substr(2, word.size() - 4);
    const auto q1 = inner.find('?');
    if (q1 == std::string_view::npos || q1 + 2 >= inner.size() || inner[q1 + 2] != '?') return std::nullopt;
    std::string charset = lower(inner.substr(0, q1));
    if (auto star = charset.find('*'); star != std::string::npos) charset.resize(star);  // RFC 2231 language
    const char encoding = static_cast<char>(std::tolower(static_cast<unsigned char>(inner[q1 + 1])));
    std::string_view payload = inner.substr(q1 + 3);
    if (charset != "utf-8" && charset != "us-ascii") return std::nullopt;
    std::string out;
    if (encoding == 'b') {
        if (payload.size() % 4) return std::nullopt;
        auto bytes = base64_bytes(payload);
        if (!bytes) return std::nullopt;
        out = *bytes;
    } else if (encoding == 'q') {
        for (std::size_t i = 0; i < payload.size(); ++i) {
            const char c = payload[i];
            if (c == '_') out += ' ';
            else if (c == '=') {
                const int hi = i + 1 < payload.size() ? hex_value(payload[i + 1]) : -1;
                const int lo = i + 2 < payload.size() ? hex_value(payload[i + 2]) : -1;
                if (hi < 0 || lo < 0) return std::nullopt;
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
            } else if (c == ' ' || c == '?' || static_cast<unsigned char>(c) >= 0x7F || static_cast<unsigned char>(c) < 0x21) {
                return std::nullopt;
            } else out += c;
        }
    } else {
        return std::nullopt;
    }
    if (!valid_utf8(out)) return std::nullopt;
    return out;
}

}  // namespace

MessageLines split_lines(std::string_view text)
{
    MessageLines message;
    bool seen_crlf = false, seen_lf = false;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (end < text.size()) {
            if (!line.empty() && line.back() == '\r') {
                line.remove_suffix(1);
                seen_crlf = true;
            } else {
                seen_lf = true;
            }
        }
        message.lines.push_back(line);
        start = next;
    }
    message.crlf = seen_crlf && !seen_lf;
    message.mixed = seen_crlf && seen_lf;
    return message;
}

Entity read_entity(const MessageLines& message, std::size_t begin, std::size_t end, std::vector<int>& bad_lines)
{
    Entity entity;
    std::size_t i = begin;
    for (; i < end; ++i) {
        std::string_view line = message.lines[i];
        if (line.empty()) {
            ++i;
            break;
        }
        if (line[0] == ' ' || line[0] == '\t') {
            if (entity.fields.empty()) bad_lines.push_back(static_cast<int>(i + 1));
            else entity.fields.back().value += std::string(line);
            continue;
        }
        const auto colon = line.find(':');
        const bool name_ok = colon != std::string_view::npos && colon > 0 &&
                             std::all_of(line.begin(), line.begin() + static_cast<long>(colon),
                                         [](char c) { return c > 32 && c < 127; });
        if (!name_ok) {
            bad_lines.push_back(static_cast<int>(i + 1));
            continue;
        }
        entity.fields.push_back({std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))),
                                 static_cast<int>(i + 1)});
    }
    for (Field& field : entity.fields) field.value = std::string(trim(field.value));
    entity.body_begin = std::min(i, end);
    entity.body_end = end;
    return entity;
}

const Field* find_field(const Entity& entity, std::string_view name)
{
    const std::string wanted = lower(name);
    for (const Field& field : entity.fields)
        if (lower(field.name) == wanted) return &field;
    return nullptr;
}

std::size_t count_fields(const Entity& entity, std::string_view name)
{
    const std::string wanted = lower(name);
    return static_cast<std::size_t>(
        std::count_if(entity.fields.begin(), entity.fields.end(), [&](const Field& f) { return lower(f.name) == wanted; }));
}

std::optional<ContentType> parse_content_type(std::string_view value)
{
    ContentType type;
    const auto semicolon = value.find(';');
    std::string_view media = trim(value.substr(0, semicolon));
    const auto slash = media.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == media.size()) return std::nullopt;
    type.type = lower(media.substr(0, slash));
    type.subtype = lower(media.substr(slash + 1));
    std::string_view rest = semicolon == std::string_view::npos ? std::string_view() : value.substr(semicolon + 1);
    while (!trim(rest).empty()) {
        rest = trim(rest);
        const auto eq = rest.find('=');
        if (eq == std::string_view::npos) return std::nullopt;
        std::string name = lower(trim(rest.substr(0, eq)));
        rest = trim(rest.substr(eq + 1));
        std::string param;
        if (!rest.empty() && rest[0] == '"') {
            std::size_t i = 1;
            for (; i < rest.size() && rest[i] != '"'; ++i) {
                if (rest[i] == '\\' && i + 1 < rest.size()) ++i;
                param += rest[i];
            }
            if (i >= rest.size()) return std::nullopt;
            rest = rest.substr(i + 1);
        } else {
            const auto end = rest.find(';');
            param = std::string(trim(rest.substr(0, end)));
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
        }
        type.parameters[name] = param;
        rest = trim(rest);
        if (!rest.empty()) {
            if (rest[0] != ';') return std::nullopt;
            rest.remove_prefix(1);
        }
    }
    return type;
}

std::optional<std::string> decode_header(std::string_view value)
{
    std::string out;
    std::size_t i = 0;
    bool previous_was_word = false;
    std::string pending_space;
    while (i < value.size()) {
        const auto start = value.find("=?", i);
        if (start == std::string_view::npos) {
            out += pending_space;
            out += value.substr(i);
            break;
        }
        // An encoded word ends at the second '?' after its charset and encoding, then "?=".
        const auto q1 = value.find('?', start + 2);
        const auto q2 = q1 == std::string_view::npos ? q1 : value.find('?', q1 + 1);
        const auto close = q2 == std::string_view::npos ? q2 : value.find("?=", q2 + 1);
        if (close == std::string_view::npos) return std::nullopt;
        std::string_view between = value.substr(i, start - i);
        const bool only_space = trim(between).empty();
        if (!(previous_was_word && only_space)) out += between;  // space between encoded-words is dropped
        auto word = decode_word(value.substr(start, close + 2 - start));
        if (!word) return std::nullopt;
        out += *word;
        previous_was_word = true;
        i = close + 2;
    }
    if (!valid_utf8(out)) return std::nullopt;
    return out;
}

std::optional<std::string> decode_quoted_printable(const std::vector<std::string_view>& lines)
{
    std::string out;
    for (std::string_view line : lines) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        bool soft = !line.empty() && line.back() == '=';
        if (soft) line.remove_suffix(1);
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] != '=') {
                out += line[i];
                continue;
            }
            const int hi = i + 1 < line.size() ? hex_value(line[i + 1]) : -1;
            const int lo = i + 2 < line.size() ? hex_value(line[i + 2]) : -1;
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        }
        if (!soft) out += '\n';
    }
    return out;
}

std::optional<std::string> decode_base64(const std::vector<std::string_view>& lines)
{
    std::string joined;
    for (std::string_view line : lines) joined += trim(line);
    if (joined.size() % 4) return std::nullopt;
    auto bytes = base64_bytes(joined);
    if (!bytes) return std::nullopt;
    std::string out;
    for (char c : *bytes)
        if (c != '\r') out += c;
    return out;
}

bool valid_utf8(std::string_view text)
{
    const int32_t length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        if (c < 0) return false;
    }
    return true;
}

}  // namespace mimeo::email
