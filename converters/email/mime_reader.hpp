// Reading a message back, for `mimeo check`: header fields with their lines,
// MIME entities, encoded-words and the transfer encodings.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mimeo::email {

struct Field {
    std::string name;
    std::string value;  // unfolded: line breaks removed, leading space kept out
    int line = 0;       // 1-based
};

struct Entity {
    std::vector<Field> fields;
    std::size_t body_begin = 0;  // index into the message's lines
    std::size_t body_end = 0;
};

struct MessageLines {
    std::vector<std::string_view> lines;  // without line ends
    bool crlf = false;
    bool mixed = false;  // some lines end in CRLF, others in LF
};

MessageLines split_lines(std::string_view text);

// Header fields from `begin` up to the first empty line. A line that is neither a
// field nor a continuation is reported in `bad_lines`.
Entity read_entity(const MessageLines& message, std::size_t begin, std::size_t end, std::vector<int>& bad_lines);

// The first field of that name (case-insensitive), or nullptr.
const Field* find_field(const Entity& entity, std::string_view name);
std::size_t count_fields(const Entity& entity, std::string_view name);

struct ContentType {
    std::string type = "text";  // lower case
    std::string subtype = "plain";
    std::map<std::string, std::string> parameters;  // names lower case, quotes removed
};
std::optional<ContentType> parse_content_type(std::string_view value);

// The value with its encoded-words decoded; nullopt when one is malformed, longer
// than 75 characters, in a charset other than UTF-8 or ASCII, or not valid UTF-8.
std::optional<std::string> decode_header(std::string_view value);

std::optional<std::string> decode_quoted_printable(const std::vector<std::string_view>& lines);
std::optional<std::string> decode_base64(const std::vector<std::string_view>& lines);

bool valid_utf8(std::string_view text);

}  // namespace mimeo::email
