#include "email/settings.hpp"

#include <algorithm>
#include <cctype>

#include "common/url.hpp"
#include "email/header_encoding.hpp"
#include "html/safe_html.hpp"

namespace mimeo::email {
namespace {

std::string trimmed(const std::string& text)
{
    const auto start = text.find_first_not_of(" \t");
    if (start == std::string::npos) return "";
    return text.substr(start, text.find_last_not_of(" \t") - start + 1);
}

bool valid_address(const std::string& address)
{
    const auto at = address.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == address.size() || address.find('@', at + 1) != std::string::npos)
        return false;
    return std::all_of(address.begin(), address.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u > 0x20 && u < 0x7F && c != '<' && c != '>' && c != '(' && c != ')' && c != ',' && c != ';' &&
               c != ':' && c != '"' && c != '[' && c != ']' && c != '\\';
    });
}

std::vector<Mailbox> mailboxes(const FormatOptions& options, const std::string& key)
{
    std::vector<Mailbox> list;
    for (const std::string& text : options.get_list(key)) {
        auto mailbox = parse_mailbox(text);
        if (!mailbox)
            throw Error(options.location_of(key), "email-address",
                        "option '" + key + "': '" + text + "' is not an email address (write a@b.org or Name <a@b.org>)");
        list.push_back(*mailbox);
    }
    return list;
}

// A list of URLs. `-O 'key=[a, b]'` reaches here as one string when YAML cannot read
// it (yaml-cpp refuses a '?' inside a flow sequence): split it as the user meant.
std::vector<std::string> url_list(const FormatOptions& options, const std::string& key)
{
    std::vector<std::string> items = options.get_list(key);
    if (items.size() != 1 || items[0].size() < 2 || items[0].front() != '[' || items[0].back() != ']') return items;
    std::vector<std::string> split;
    std::string_view inside = std::string_view(items[0]).substr(1, items[0].size() - 2);
    for (std::size_t start = 0; start <= inside.size();) {
        auto comma = inside.find(',', start);
        if (comma == std::string_view::npos) comma = inside.size();
        std::string item = trimmed(std::string(inside.substr(start, comma - start)));
        if (item.size() >= 2 && (item.front() == '"' || item.front() == '\'') && item.back() == item.front())
            item = item.substr(1, item.size() - 2);
        if (!item.empty()) split.push_back(item);
        start = comma + 1;
    }
    return split;
}

// An option naming a web address the message links to, by the one URL policy.
std::string web_url_option(const FormatOptions& options, const std::string& key)
{
    std::string url = trimmed(options.get_string(key));
    if (!url.empty() && !allowed_url(url, false))
        throw Error(options.location_of(key), "url-scheme",
                    "option '" + key + "': '" + url + "' must be an http:, https: or mailto: URL");
    return url;
}

}  // namespace

std::vector<OptionSpec> option_specs()
{
    return {
        {"from", OptionType::string, "",
         "the sender: `Name <address>` or an address; with no name, the publication's title is the display name",
         {}, {}, {}, "required"},
        {"to", OptionType::string_list, "",
         "the recipients; `none` for no To header (when the MTA gets the recipients elsewhere)", {}, {}, {},
         "the From address"},
        {"reply-to", OptionType::string_list, "", "where replies go"},
        {"subject", OptionType::string, "",
         "the Subject template; variables `{publication}` `{number}` `{volume}` `{date}` `{iso-date}` `{issue-title}` "
         "`{title}` `{articles}`",
         {}, {}, {}, "`{publication} \u2014 Issue {number}: {title}`, less what the issue lacks"},
        {"list-id", OptionType::string, "",
         "List-Id (RFC 2919): `Name <id.example.org>` or a bare `id.example.org`, then named after the publication"},
        {"list-unsubscribe", OptionType::string_list, "",
         "unsubscribe URLs, `mailto:` and/or `https:`; an https URL adds one-click List-Unsubscribe-Post (RFC 8058)",
         {}, {}, {}, "none (a warning)"},
        {"list-archive", OptionType::string, "", "List-Archive URL (RFC 2369)"},
        {"footer", OptionType::string, "",
         "more footer text, such as the postal address bulk mail must show; its lines stay lines"},
        {"width", OptionType::integer, "72",
         "the wrapping column (flowed spaces and stuffing then stay within 78), wide characters counting 2", {}, 40, 76},
        {"html", OptionType::boolean, "false", "add the HTML part (multipart/alternative, the text first)"},
        {"per-article", OptionType::boolean, "false",
         "one message per article: the output is a folder of `<slug>.eml`, the same as the path "
         "`<folder>/${article.slug}.eml`"},
        {"encoding", OptionType::string, "auto", "the Content-Transfer-Encoding of every part",
         {"auto", "8bit", "quoted-printable", "base64"}},
        {"date", OptionType::string, "issue",
         "the Date header. `issue`: noon UTC on the issue's date (the article's date per article, the time of the run "
         "without either); `now`: the time of the run",
         {"issue", "now"}},
        {"image-base", OptionType::string, "", "the URL relative image paths are resolved against in the HTML part"},
        {"newline", OptionType::string, "crlf",
         "line ends: `crlf` (RFC 5322, .eml files) or `lf` (what a local `sendmail -t` reads)", {"crlf", "lf"}},
        html::raw_html_option(),
    };
}

std::optional<Mailbox> parse_mailbox(const std::string& raw)
{
    std::string text = trimmed(raw);
    Mailbox mailbox;
    const auto open = text.rfind('<');
    if (open != std::string::npos) {
        if (text.back() != '>') return std::nullopt;
        mailbox.address = trimmed(text.substr(open + 1, text.size() - open - 2));
        mailbox.name = trimmed(text.substr(0, open));
        if (mailbox.name.size() >= 2 && mailbox.name.front() == '"' && mailbox.name.back() == '"')
            mailbox.name = mailbox.name.substr(1, mailbox.name.size() - 2);
    } else {
        mailbox.address = text;
    }
    if (!valid_address(mailbox.address)) return std::nullopt;
    return mailbox;
}

std::vector<std::string> mailbox_tokens(const Mailbox& mailbox)
{
    std::vector<std::string> tokens;
    if (!mailbox.name.empty()) tokens = phrase_tokens(mailbox.name);
    tokens.push_back("<" + mailbox.address + ">");
    return tokens;
}

Settings read_settings(const FormatOptions& options)
{
    Settings s;
    if (!options.has("from") || trimmed(options.get_string("from")).empty())
        throw Error(options.location_of("from"), "email-from",
                    "the email format needs a sender: give the option from, e.g. -O from=news@example.org "
                    "or 'from: The Editors <news@example.org>' in the pipeline");
    const std::string from = options.get_string("from");
    auto sender = parse_mailbox(from);
    if (!sender)
        throw Error(options.location_of("from"), "email-address",
                    "option 'from': '" + from + "' is not an email address (write a@b.org or Name <a@b.org>)");
    s.from = *sender;
    const auto to = options.get_list("to");
    if (to.size() == 1 && (to[0] == "none" || to[0].empty())) s.to.clear();
    else if (options.has("to")) s.to = mailboxes(options, "to");
    else s.to = {Mailbox{"", s.from.address}};
    s.reply_to = mailboxes(options, "reply-to");
    s.subject = options.get_string("subject");
    s.list_id = trimmed(options.get_string("list-id"));
    if (!s.list_id.empty()) {
        const auto open = s.list_id.rfind('<');
        std::string id = open == std::string::npos ? s.list_id : s.list_id.substr(open + 1);
        if (!id.empty() && id.back() == '>') id.pop_back();
        const bool ok = id.find('.') != std::string::npos && std::all_of(id.begin(), id.end(), [](char c) {
                            return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
                        });
        if (!ok)
            throw Error(options.location_of("list-id"), "email-list-id",
                        "option 'list-id': '" + s.list_id + "' is not a list identifier like news.example.org (RFC 2919)");
    }
    for (const std::string& url : url_list(options, "list-unsubscribe")) {
        const std::string u = trimmed(url);
        if (u.rfind("mailto:", 0) != 0 && u.rfind("https://", 0) != 0)
            throw Error(options.location_of("list-unsubscribe"), "email-list-unsubscribe",
                        "option 'list-unsubscribe': '" + u + "' must be a mailto: or https: URL");
        if (u.find_first_of(" <>\"") != std::string::npos)
            throw Error(options.location_of("list-unsubscribe"), "email-list-unsubscribe",
                        "option 'list-unsubscribe': '" + u + "' holds spaces or <>\"; percent-encode them");
        s.list_unsubscribe.push_back(u);
    }
    s.list_archive = web_url_option(options, "list-archive");
    s.footer = options.get_string("footer");
    s.width = static_cast<int>(options.get_int("width"));
    s.html = options.get_bool("html");
    if (const std::string encoding = options.get_string("encoding"); encoding != "auto")
        s.encoding = encoding_named(encoding);
    s.date_now = options.get_string("date") == "now";
    s.image_base = web_url_option(options, "image-base");
    s.crlf = options.get_string("newline") == "crlf";
    s.raw_html = html::read_raw_html_option(options);
    return s;
}

}  // namespace mimeo::email
