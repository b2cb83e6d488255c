// The email exporter's options, read and checked once, before anything is written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/options.hpp"
#include "email/transfer_encoding.hpp"
#include "html/raw_html.hpp"

namespace mimeo::email {

struct Mailbox {
    std::string name;     // display name, may be empty
    std::string address;  // local@domain, ASCII
};

struct Settings {
    Mailbox from;
    std::vector<Mailbox> to;  // empty: no To header
    std::vector<Mailbox> reply_to;
    std::string subject;  // the template; empty for the default
    std::string list_id;  // "Name <id>" or a bare id
    std::vector<std::string> list_unsubscribe;
    std::string list_archive;
    std::string footer;
    int width = 72;
    bool html = false;
    std::optional<TransferEncoding> encoding;  // nullopt: chosen by need
    bool date_now = false;
    std::string image_base;
    bool crlf = true;
    html::RawHtml raw_html = html::RawHtml::sanitize;  // for the HTML part
};

std::vector<OptionSpec> option_specs();

// Throws mimeo::Error (with the option's location) for a missing From, a malformed
// address, an unsubscribe URL that is neither mailto: nor https: (the options' words and
// ranges were checked at load).
Settings read_settings(const FormatOptions& options);

// "Name <a@b>", "\"Name\" <a@b>" or "a@b".
std::optional<Mailbox> parse_mailbox(const std::string& text);

// The header tokens of a mailbox: the display name (encoded when need be), then <address>.
std::vector<std::string> mailbox_tokens(const Mailbox& mailbox);

}  // namespace mimeo::email
