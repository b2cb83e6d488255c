#include "email/email_checker.hpp"

#include <unicode/utf8.h>

#include <cctype>
#include <regex>

#include "common/files.hpp"
#include "email/mime_reader.hpp"

namespace fs = std::filesystem;

namespace mimeo::email {
namespace {

constexpr std::size_t max_octets = 998;
constexpr std::size_t max_characters = 78;

std::size_t characters(std::string_view text)
{
    std::size_t count = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    return count;
}

class MessageCheck {
public:
    MessageCheck(const fs::path& path, Diagnostics& diagnostics) : file_(path.string()), diagnostics_(diagnostics) {}

    CheckResult run()
    {
        const std::string text = read_file(fs::path(file_));
        message_ = split_lines(text);
        if (message_.mixed) warn(0, "email-newline", "some lines end in CRLF and others in LF");
        for (std::size_t i = 0; i < message_.lines.size(); ++i) {
            if (message_.lines[i].size() > max_octets)
                error(i + 1, "email-line-length", "line of " + std::to_string(message_.lines[i].size()) + " octets; RFC 5322 allows 998");
            if (message_.lines[i].find('\0') != std::string_view::npos) error(i + 1, "email-nul", "NUL byte in the message");
        }
        std::vector<int> bad;
        Entity top = read_entity(message_, 0, message_.lines.size(), bad);
        for (int line : bad) error(static_cast<std::size_t>(line), "email-header-syntax", "neither a header field nor its continuation");
        headers(top);
        entity(top, 0);
        std::string summary = "headers, MIME structure (" + std::to_string(leaves_) + (leaves_ == 1 ? " part" : " parts") +
                              ") and line lengths: " + std::to_string(errors_) + " errors, " + std::to_string(warnings_) +
                              " warnings";
        if (long_lines_) summary += " (" + std::to_string(long_lines_) + " lines over 78 characters)";
        return {errors_ ? CheckResult::Status::failed : CheckResult::Status::passed, summary};
    }

private:
    void error(std::size_t line, const char* code, std::string message)
    {
        ++errors_;
        diagnostics_.add({Severity::error, code, {file_, static_cast<int>(line), 0}, std::move(message)});
    }

    void warn(std::size_t line, const char* code, std::string message)
    {
        ++warnings_;
        diagnostics_.warn({file_, static_cast<int>(line), 0}, code, std::move(message));
    }

    void headers(const Entity& top)
    {
        for (const char* name : {"From", "Date"}) {
            const std::size_t n = count_fields(top, name);
            if (n != 1) error(1, "email-header-missing", std::string(name) + " must appear once; it appears " + std::to_string(n) + " times");
        }
        for (const char* name : {"Subject", "Message-ID", "To", "Reply-To", "MIME-Version", "List-Id", "List-Unsubscribe"})
            if (count_fields(top, name) > 1) error(1, "email-header-repeated", std::string(name) + " appears more than once");
        if (!find_field(top, "Message-ID")) warn(1, "email-message-id", "no Message-ID");
        if (!find_field(top, "MIME-Version")) error(1, "email-mime", "no MIME-Version: 1.0");
        for (std::size_t i = 0; i < top.body_begin && i < message_.lines.size(); ++i) {
            std::string_view line = message_.lines[i];
            if (characters(line) > max_characters) warn(i + 1, "email-header-length", "header line over 78 characters; fold it");
            for (char c : line)
                if (static_cast<unsigned char>(c) >= 0x80) {
                    error(i + 1, "email-header-8bit", "raw non-ASCII in a header; use RFC 2047 encoded-words");
                    break;
                }
        }
        for (const Field& field : top.fields) {
            if (!decode_header(field.value))
                error(static_cast<std::size_t>(field.line), "email-encoded-word",
                      field.name + ": a malformed encoded-word (RFC 2047)");
        }
        if (const Field* date = find_field(top, "Date")) {
            static const std::regex form(
                R"(((Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(:\d{2})? [+-]\d{4})");
            if (!std::regex_match(date->value, form))
                error(static_cast<std::size_t>(date->line), "email-date", "Date is not in RFC 5322 form: " + date->value);
        }
        for (const char* name : {"From", "To", "Reply-To"}) {
            const Field* field = find_field(top, name);
            if (field && field->value.find('@') == std::string::npos)
                error(static_cast<std::size_t>(field->line), "email-address", std::string(name) + " holds no address");
        }
        if (const Field* id = find_field(top, "Message-ID"); id && !std::regex_match(id->value, std::regex(R"(<[^<>@\s]+@[^<>@\s]+>)")))
            error(static_cast<std::size_t>(id->line), "email-message-id", "Message-ID is not <left@right>");
        if (const Field* list_id = find_field(top, "List-Id");
            list_id && !std::regex_search(list_id->value, std::regex(R"(<[^<>\s]+\.[^<>\s]+>$)")))
            error(static_cast<std::size_t>(list_id->line), "email-list-id", "List-Id has no <list.id> (RFC 2919)");
        unsubscribe(top);
    }

    void unsubscribe(const Entity& top)
    {
        const Field* field = find_field(top, "List-Unsubscribe");
        const Field* post = find_field(top, "List-Unsubscribe-Post");
        bool https = false;
        if (field) {
            static const std::regex entry(R"(\s*<([^<>\s]+)>\s*(,|$))");
            std::string_view rest = field->value;
            std::size_t entries = 0;
            std::cmatch m;
            while (!rest.empty() && std::regex_search(rest.begin(), rest.end(), m, entry, std::regex_constants::match_continuous)) {
                const std::string url = m[1].str();
                if (url.rfind("https://", 0) == 0) https = true;
                else if (url.rfind("mailto:", 0) != 0 && url.rfind("http://", 0) != 0)
                    error(static_cast<std::size_t>(field->line), "email-list-unsubscribe", "List-Unsubscribe URL '" + url + "' is neither mailto: nor https:");
                ++entries;
                rest.remove_prefix(static_cast<std::size_t>(m.length(0)));
            }
            if (!rest.empty() || entries == 0)
                error(static_cast<std::size_t>(field->line), "email-list-unsubscribe", "List-Unsubscribe is not a list of <URL>s (RFC 2369)");
        } else {
            warn(1, "email-no-unsubscribe", "no List-Unsubscribe; bulk mail needs one");
        }
        if (post) {
            if (post->value != "List-Unsubscribe=One-Click")
                error(static_cast<std::size_t>(post->line), "email-list-unsubscribe", "List-Unsubscribe-Post must be List-Unsubscribe=One-Click (RFC 8058)");
            if (!https)
                error(static_cast<std::size_t>(post->line), "email-list-unsubscribe", "List-Unsubscribe-Post needs an https: URL in List-Unsubscribe (RFC 8058)");
        } else if (https) {
            warn(static_cast<std::size_t>(field->line), "email-one-click", "an https: unsubscribe URL without List-Unsubscribe-Post: no one-click unsubscribe");
        }
    }

    std::vector<std::string_view> body_lines(const Entity& e) const
    {
        return {message_.lines.begin() + static_cast<long>(e.body_begin), message_.lines.begin() + static_cast<long>(e.body_end)};
    }

    void entity(const Entity& e, int depth)
    {
        const Field* type_field = find_field(e, "Content-Type");
        ContentType type;
        if (type_field) {
            auto parsed = parse_content_type(type_field->value);
            if (!parsed) {
                error(static_cast<std::size_t>(type_field->line), "email-mime", "Content-Type cannot be read: " + type_field->value);
                return;
            }
            type = *parsed;
        }
        if (type.type == "multipart") multipart(e, type, depth);
        else leaf(e, type);
    }

    void multipart(const Entity& e, const ContentType& type, int depth)
    {
        const std::size_t where = static_cast<std::size_t>(find_field(e, "Content-Type")->line);
        auto boundary = type.parameters.find("boundary");
        if (boundary == type.parameters.end() || boundary->second.empty() || boundary->second.size() > 70) {
            error(where, "email-mime", "multipart without a usable boundary parameter");
            return;
        }
        if (depth > 10) {
            error(where, "email-mime", "multiparts nested too deep");
            return;
        }
        const std::string open = "--" + boundary->second, close = open + "--";
        std::vector<std::size_t> starts;
        std::size_t end = e.body_end;
        bool closed = false;
        for (std::size_t i = e.body_begin; i < e.body_end; ++i) {
            std::string_view line = message_.lines[i];
            while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
            if (line == close) {
                end = i;
                closed = true;
                break;
            }
            if (line == open) starts.push_back(i);
        }
        if (!closed) error(where, "email-mime", "the multipart has no closing boundary " + close);
        if (starts.empty()) error(where, "email-mime", "the multipart has no parts");
        if (type.subtype == "alternative" && starts.size() < 2) warn(where, "email-mime", "multipart/alternative with one part");
        for (std::size_t k = 0; k < starts.size(); ++k) {
            // A part ends before the CRLF that precedes the next boundary.
            std::size_t part_end = k + 1 < starts.size() ? starts[k + 1] : end;
            std::vector<int> bad;
            Entity part = read_entity(message_, starts[k] + 1, part_end, bad);
            for (int line : bad) error(static_cast<std::size_t>(line), "email-header-syntax", "neither a part header nor its continuation");
            entity(part, depth + 1);
        }
    }

    void leaf(const Entity& e, const ContentType& type)
    {
        ++leaves_;
        const std::size_t header_line = e.fields.empty() ? e.body_begin : static_cast<std::size_t>(e.fields.front().line);
        const Field* cte_field = find_field(e, "Content-Transfer-Encoding");
        std::string cte = cte_field ? cte_field->value : "7bit";
        for (char& c : cte) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const auto lines = body_lines(e);
        std::optional<std::string> decoded;
        if (cte == "7bit" || cte == "8bit" || cte == "binary") {
            std::string joined;
            for (std::size_t i = 0; i < lines.size(); ++i) {
                if (cte == "7bit")
                    for (char c : lines[i])
                        if (static_cast<unsigned char>(c) >= 0x80) {
                            error(e.body_begin + i + 1, "email-encoding", "8-bit data in a 7bit part");
                            break;
                        }
                joined += std::string(lines[i]) + "\n";
            }
            decoded = joined;
        } else if (cte == "quoted-printable") {
            for (std::size_t i = 0; i < lines.size(); ++i)
                if (lines[i].size() > 76) error(e.body_begin + i + 1, "email-encoding", "quoted-printable line over 76 characters");
            decoded = decode_quoted_printable(lines);
            if (!decoded) error(header_line, "email-encoding", "malformed quoted-printable");
        } else if (cte == "base64") {
            decoded = decode_base64(lines);
            if (!decoded) error(header_line, "email-encoding", "malformed base64");
        } else {
            error(cte_field ? static_cast<std::size_t>(cte_field->line) : header_line, "email-encoding", "unknown Content-Transfer-Encoding " + cte);
        }
        if (!decoded || type.type != "text") return;
        std::string charset = type.parameters.count("charset") ? type.parameters.at("charset") : "us-ascii";
        for (char& c : charset) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if ((charset == "utf-8" || charset == "us-ascii") && !valid_utf8(*decoded))
            error(header_line, "email-charset", "the " + type.type + "/" + type.subtype + " part is not valid " + charset);
        if (type.subtype == "plain") text_lines(e, type, *decoded, cte);
    }

    // Decoded text lines over 78 characters, unless the line is one unbreakable word
    // (a URL); and, for format=flowed, lines that needed space-stuffing.
    void text_lines(const Entity& e, const ContentType& type, const std::string& decoded, const std::string& cte)
    {
        auto format = type.parameters.find("format");
        const bool flowed = format != type.parameters.end() && format->second == "flowed";
        std::size_t start = 0, index = 0;
        const bool direct = cte != "quoted-printable" && cte != "base64";  // line numbers map one to one
        while (start < decoded.size()) {
            std::size_t end = decoded.find('\n', start);
            if (end == std::string::npos) end = decoded.size();
            std::string_view line(decoded.data() + start, end - start);
            const std::size_t where = direct ? e.body_begin + index + 1 : e.body_begin + 1;
            if (flowed && line.rfind("From ", 0) == 0)
                error(where, "email-flowed", "a format=flowed line starts with \"From \" without space-stuffing (RFC 3676 4.4)");
            if (characters(line) > max_characters) {
                std::string_view content = line;
                while (!content.empty() && (content.front() == '>' || content.front() == ' ')) content.remove_prefix(1);
                while (!content.empty() && content.back() == ' ') content.remove_suffix(1);
                if (content.find(' ') != std::string_view::npos) {
                    ++long_lines_;
                    warn(where, "email-long-line", "text line of " + std::to_string(characters(line)) + " characters (78 at most)");
                }
            }
            start = end + 1;
            ++index;
        }
    }

    std::string file_;
    Diagnostics& diagnostics_;
    MessageLines message_;
    int errors_ = 0, warnings_ = 0, leaves_ = 0, long_lines_ = 0;
};

}  // namespace

Checker checker()
{
    return {"email",
            [](const fs::path& path) { return lower_extension(path) == ".eml"; },
            [](const fs::path& path, Diagnostics& diagnostics) { return MessageCheck(path, diagnostics).run(); }};
}

}  // namespace mimeo::email
