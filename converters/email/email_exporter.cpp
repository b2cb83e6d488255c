#include "email/email_exporter.hpp"

#include <xxhash.h>

#include <cctype>
#include <cstdio>

#include "common/dates.hpp"
#include "email/compose.hpp"
#include "email/flowed.hpp"
#include "email/header_encoding.hpp"
#include "email/message.hpp"
#include "email/settings.hpp"
#include "email/subject.hpp"
#include "model/model.hpp"

namespace mimeo::email {
namespace {

std::string domain_of(const std::string& address) { return address.substr(address.find('@') + 1); }

// The same issue (and article) always gets the same id, so that a message sent
// twice is recognized as one by the readers that deduplicate.
std::string message_id(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles, bool single_article,
                       const Settings& settings)
{
    std::string key = model::text_of(model::publication(issue).child("title"));
    for (const char* field : {"volume", "number", "date"}) key += std::string("\n") + issue.child(field).text().get();
    if (single_article || (!issue.child("number") && !issue.child("date")))
        for (pugi::xml_node article : articles) key += "\n" + model::slug(article);
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
    std::string label = issue.child("number") ? std::string("issue-") + issue.child("number").text().get() : "issue";
    if (single_article) label += "." + model::slug(articles.front());
    std::string safe;
    for (char c : label) {
        const char kept = std::isalnum(static_cast<unsigned char>(c)) || c == '.' ? c : '-';
        if (kept != '-' || (!safe.empty() && safe.back() != '-')) safe += kept;
    }
    // The hash holds the whole key, so the label may be cut: "Message-ID: <...>" stays
    // within the 78 columns RFC 5322 asks for (a msg-id cannot be folded inside).
    constexpr std::size_t head = std::string_view("Message-ID: <").size();
    const std::string tail = std::string(".") + hash + "@" + domain_of(settings.from.address) + ">";
    const std::size_t room = head + tail.size() < 78 ? 78 - head - tail.size() : 1;
    if (safe.size() > room) safe.resize(room);
    while (safe.size() > 1 && (safe.back() == '-' || safe.back() == '.')) safe.pop_back();
    return "<" + safe + tail;
}

std::vector<std::string> address_list(const std::vector<Mailbox>& list)
{
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i < list.size(); ++i) {
        for (std::string& token : mailbox_tokens(list[i])) tokens.push_back(std::move(token));
        if (i + 1 < list.size()) tokens.back() += ",";
    }
    return tokens;
}

// The <date> of the latest of `articles`, by its instant; empty when none is dated.
pugi::xml_node newest_date(const std::vector<pugi::xml_node>& articles)
{
    pugi::xml_node newest;
    std::optional<Instant> newest_when;
    for (pugi::xml_node article : articles) {
        const pugi::xml_node date = model::meta(article).child("date");
        const auto when = model_instant(date.text().get(), date.attribute("time").value());
        if (when && (!newest_when || when->when > newest_when->when)) newest = date, newest_when = when;
    }
    return newest;
}

std::vector<std::string> header_fields(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles,
                                       bool single_article, const Settings& settings, const std::string& subject)
{
    const std::string publication = model::text_of(model::publication(issue).child("title"));
    std::vector<std::string> fields;
    Mailbox from = settings.from;
    if (from.name.empty()) from.name = publication;
    fields.push_back(folded_header("From", mailbox_tokens(from)));
    if (!settings.to.empty()) fields.push_back(folded_header("To", address_list(settings.to)));
    if (!settings.reply_to.empty()) fields.push_back(folded_header("Reply-To", address_list(settings.reply_to)));
    fields.push_back(unstructured_header("Subject", subject));
    // A message of one article is dated by it, else by its issue; an undated issue by its newest article.
    pugi::xml_node date = single_article ? model::meta(articles.front()).child("date") : pugi::xml_node();
    if (date.text().empty()) date = issue.child("date");
    if (date.text().empty()) date = newest_date(articles);
    fields.push_back("Date: " + (settings.date_now ? rfc5322_date("", "")
                                                   : rfc5322_date(date.text().get(), date.attribute("time").value())));
    fields.push_back("Message-ID: " + message_id(issue, articles, single_article, settings));
    if (!settings.list_id.empty()) {
        std::vector<std::string> tokens;
        if (settings.list_id.find('<') == std::string::npos) {
            if (!publication.empty()) tokens = phrase_tokens(publication);
            tokens.push_back("<" + settings.list_id + ">");
        } else {
            const auto open = settings.list_id.rfind('<');
            std::string name = settings.list_id.substr(0, open);
            while (!name.empty() && name.back() == ' ') name.pop_back();
            if (!name.empty()) tokens = phrase_tokens(name);
            tokens.push_back(settings.list_id.substr(open));
        }
        fields.push_back(folded_header("List-Id", tokens));
    }
    if (!settings.list_unsubscribe.empty()) {
        std::vector<std::string> tokens;
        bool https = false;
        for (std::size_t i = 0; i < settings.list_unsubscribe.size(); ++i) {
            const std::string& url = settings.list_unsubscribe[i];
            tokens.push_back("<" + url + ">" + (i + 1 < settings.list_unsubscribe.size() ? "," : ""));
            https = https || url.rfind("https://", 0) == 0;
        }
        fields.push_back(folded_header("List-Unsubscribe", tokens));
        if (https) fields.push_back("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    }
    if (!settings.list_archive.empty()) fields.push_back(folded_header("List-Archive", {"<" + settings.list_archive + ">"}));
    return fields;
}

std::string one_message(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles, bool single_article,
                        const Settings& settings, const Location& where, Diagnostics& diagnostics)
{
    const std::string subject =
        subject_line(settings.subject, issue, articles.empty() ? pugi::xml_node() : articles.front(), articles.size(), where);
    const FlowedBody text = flowed(text_body(issue, articles, settings));
    std::vector<BodyPart> parts;
    parts.push_back({std::string("text/plain; charset=utf-8; format=flowed") + (text.delsp ? "; delsp=yes" : ""), text.text});
    if (settings.html) parts.push_back({"text/html; charset=utf-8", html_body(issue, articles, settings, subject, diagnostics)});
    const auto fields = header_fields(issue, articles, single_article, settings, subject);
    return build_message(fields, parts, settings.encoding, settings.crlf, subject, diagnostics);
}

void write_messages(const ExportRequest& request)
{
    const Settings settings = read_settings(request.options);
    pugi::xml_node issue = model::issue_of(request.issue);
    const auto articles = model::articles(issue);
    const Location where = request.options.location_of("subject");
    if (articles.empty()) throw Error(Location{}, "email-empty", "there are no articles to send");
    if (settings.list_unsubscribe.empty())
        request.diagnostics.warn(request.options.location_of("list-unsubscribe"), "email-no-unsubscribe",
                                 "no list-unsubscribe URL: the big mailbox providers ask bulk senders for List-Unsubscribe "
                                 "with one-click unsubscribe (an https URL)");
    request.out.write(request.target,
                      one_message(issue, articles, request.one_article, settings, where, request.diagnostics));
}

}  // namespace

Exporter exporter()
{
    return {"email",
            "the issue as a plain-text newsletter (RFC 5322 .eml, format=flowed), with an HTML part by option",
            TargetKind::file, option_specs(), write_messages, nullptr, ".eml"};
}

}  // namespace mimeo::email
