#include "email/header_encoding.hpp"

#include <cctype>

#include "common/base64.hpp"
#include "email/transfer_encoding.hpp"

namespace mimeo::email {
namespace {

constexpr std::size_t max_encoded_word = 75;
constexpr std::string_view q_prefix = "=?utf-8?q?";
constexpr std::string_view b_prefix = "=?utf-8?b?";
constexpr std::size_t word_payload = max_encoded_word - q_prefix.size() - 2;  // 63

bool ascii(std::string_view text)
{
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80 || static_cast<unsigned char>(c) < 0x20) return false;
    return true;
}

// Characters RFC 2047 (5) lets a Q-encoded word in a phrase hold as they are.
bool q_plain(unsigned char c)
{
    return std::isalnum(c) || c == '!' || c == '*' || c == '+' || c == '-' || c == '/';
}

std::size_t q_cost(unsigned char c) { return q_plain(c) || c == ' ' ? 1 : 3; }

void q_append(unsigned char c, std::string& out)
{
    static const char hex[] = "0123456789ABCDEF";
    if (c == ' ') out += '_';
    else if (q_plain(c)) out += static_cast<char>(c);
    else {
        out += '=';
        out += hex[c >> 4];
        out += hex[c & 15];
    }
}

// The UTF-8 text cut into whole characters, each piece within `fits`.
template <typename Fits>
std::vector<std::string_view> pieces(std::string_view text, Fits fits)
{
    std::vector<std::string_view> out;
    std::size_t start = 0, i = 0;
    while (i < text.size()) {
        std::size_t next = i + 1;
        while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
        if (i > start && !fits(text.substr(start, next - start))) {
            out.push_back(text.substr(start, i - start));
            start = i;
        }
        i = next;
    }
    if (start < text.size()) out.push_back(text.substr(start));
    return out;
}

std::vector<std::string> split_words(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

bool needs_encoding(std::string_view word)
{
    return !ascii(word) || word.find("=?") != std::string_view::npos || word.size() + 1 > max_header_line - 2;
}

}  // namespace

std::string folded_header(std::string_view name, const std::vector<std::string>& tokens)
{
    std::string out(name);
    out += ':';
    std::size_t line_length = out.size();
    bool line_has_token = false;
    for (const std::string& token : tokens) {
        if (line_has_token && line_length + 1 + token.size() > max_header_line) {
            out += "\n";
            line_length = 0;
        }
        out += ' ';
        out += token;
        line_length += 1 + token.size();
        line_has_token = true;
    }
    return out;
}

std::vector<std::string> encoded_words(std::string_view utf8)
{
    std::size_t q_length = 0;
    for (char c : utf8) q_length += q_cost(static_cast<unsigned char>(c));
    const std::size_t b_length = (utf8.size() + 2) / 3 * 4;
    std::vector<std::string> words;
    if (q_length <= b_length) {
        for (std::string_view piece : pieces(utf8, [](std::string_view p) {
                 std::size_t cost = 0;
                 for (char c : p) cost += q_cost(static_cast<unsigned char>(c));
                 return cost <= word_payload;
             })) {
            std::string word(q_prefix);
            for (char c : piece) q_append(static_cast<unsigned char>(c), word);
            words.push_back(word + "?=");
        }
    } else {
        for (std::string_view piece :
             pieces(utf8, [](std::string_view p) { return (p.size() + 2) / 3 * 4 <= word_payload; }))
            words.push_back(std::string(b_prefix) + base64(piece) + "?=");
    }
    return words;
}

std::string unstructured_header(std::string_view name, std::string_view value)
{
    const std::vector<std::string> words = split_words(value);
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < words.size();) {
        if (!needs_encoding(words[i])) {
            tokens.push_back(words[i++]);
            continue;
        }
        // The spaces between encoded words are dropped by readers, so a run of
        // words to encode is encoded as one text, spaces included.
        std::string run = words[i++];
        while (i < words.size() && needs_encoding(words[i])) run += " " + words[i++];
        for (std::string& word : encoded_words(run)) tokens.push_back(std::move(word));
    }
    return folded_header(name, tokens);
}

std::vector<std::string> phrase_tokens(std::string_view name)
{
    const std::vector<std::string> words = split_words(name);
    std::string joined;
    for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
    if (!ascii(joined) || joined.find("=?") != std::string::npos) return encoded_words(joined);
    bool atoms = !joined.empty();
    for (char c : joined)
        if (!std::isalnum(static_cast<unsigned char>(c)) && std::string_view(" !#$%&'*+-/=?^_`{|}~").find(c) == std::string_view::npos)
            atoms = false;
    if (atoms) return words;
    std::string quoted = "\"";
    for (char c : joined) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return {quoted + "\""};
}

}  // namespace mimeo::email
