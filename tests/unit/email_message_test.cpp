#include <gtest/gtest.h>

#include "email/flowed.hpp"
#include "email/header_encoding.hpp"
#include "email/mime_reader.hpp"
#include "email/transfer_encoding.hpp"
#include "email/message.hpp"
#include "email/settings.hpp"

using namespace mimeo;
using namespace mimeo::email;

namespace {

std::vector<std::string_view> lines_of(const std::string& text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        lines.push_back(std::string_view(text).substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace

TEST(EmailHeader, AsciiSubjectStaysReadable)
{
    EXPECT_EQ(unstructured_header("Subject", "Issue 418: the port"), "Subject: Issue 418: the port");
}

TEST(EmailHeader, NonAsciiSubjectIsEncodedFoldedAndDecodesBack)
{
    const std::string subject = "The Lamplighter \u2014 Issue 418: 港湾労働者、賃上げを要求 and a rather longer tail of words to fold";
    const std::string field = unstructured_header("Subject", subject);
    const std::string with_end = field + "\n";
    for (auto line : lines_of(with_end)) {
        EXPECT_LE(line.size(), 78u) << field;
        for (char c : line) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << field;
    }
    // Unfold as a reader does, then decode the encoded-words.
    std::string unfolded;
    for (char c : field)
        if (c != '\n') unfolded += c;
    auto decoded = decode_header(unfolded.substr(9));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(*decoded, subject);
}

TEST(EmailHeader, EncodedWordsNeverSplitACharacter)
{
    const std::string text(40 * 3, 'x');
    std::string japanese;
    for (int i = 0; i < 40; ++i) japanese += "港";
    for (const auto& word : encoded_words(japanese)) {
        EXPECT_LE(word.size(), 75u);
        auto decoded = decode_header(word);
        ASSERT_TRUE(decoded) << word;
        EXPECT_EQ(decoded->size() % 3, 0u);
    }
}

TEST(EmailHeader, DisplayNamesAreAtomsQuotedOrEncoded)
{
    EXPECT_EQ(phrase_tokens("The Lamplighter"), (std::vector<std::string>{"The", "Lamplighter"}));
    EXPECT_EQ(phrase_tokens("Okafor, Dana"), (std::vector<std::string>{"\"Okafor, Dana\""}));
    auto encoded = phrase_tokens("Travailleurs Unis — Rédaction");
    ASSERT_EQ(encoded.size(), 1u);
    EXPECT_EQ(encoded[0].rfind("=?utf-8?", 0), 0u);
}

TEST(EmailSettings, MailboxesParse)
{
    auto m = parse_mailbox("The Editors <news@example.org>");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->name, "The Editors");
    EXPECT_EQ(m->address, "news@example.org");
    EXPECT_FALSE(parse_mailbox("not an address"));
    EXPECT_FALSE(parse_mailbox("a@b@c"));
}

TEST(EmailSettings, MissingFromIsAClearError)
{
    FormatOptions options;
    try {
        read_settings(options);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostic().code, "email-from");
    }
    options.set("from", "news@example.org");
    options.set("list-unsubscribe", "ftp://example.org/x");
    EXPECT_THROW(read_settings(options), Error);
}

TEST(EmailFlowed, SoftBreaksStuffingAndQuotes)
{
    using text::Line;
    using text::LineEnd;
    std::vector<Line> lines = {{0, "one two", LineEnd::soft_space}, {0, "three", LineEnd::hard},
                               {0, "From here", LineEnd::hard},     {0, " indented", LineEnd::hard},
                               {1, "quoted", LineEnd::soft_space},  {1, "text", LineEnd::hard},
                               {1, "", LineEnd::hard},              {0, "-- ", LineEnd::hard}};
    FlowedBody body = flowed(lines);
    EXPECT_FALSE(body.delsp);
    EXPECT_EQ(body.text, "one two \nthree\n From here\n  indented\n> quoted \n> text\n>\n-- \n");
    lines = {{0, "港湾", LineEnd::soft_join}, {0, "労働 and", LineEnd::soft_space}, {0, "more", LineEnd::hard}};
    body = flowed(lines);
    EXPECT_TRUE(body.delsp);
    EXPECT_EQ(body.text, "港湾 \n労働 and  \nmore\n");
}

TEST(EmailTransfer, ChosenByNeed)
{
    EXPECT_EQ(choose_encoding("plain ascii\n"), TransferEncoding::seven_bit);
    EXPECT_EQ(choose_encoding("caf\u00e9\n"), TransferEncoding::eight_bit);
    EXPECT_EQ(choose_encoding(std::string(1200, 'a') + "\n"), TransferEncoding::quoted_printable);
    std::string japanese;
    for (int i = 0; i < 400; ++i) japanese += "港";
    EXPECT_EQ(choose_encoding(japanese + "\n"), TransferEncoding::base64);
}

TEST(EmailTransfer, QuotedPrintableKeepsTrailingSpacesAndRoundTrips)
{
    const std::string body = "soft break \nFrom the docks\n" + std::string(200, 'x') + " caf\u00e9 = 1\n.\n";
    const std::string encoded = encode_body(body, TransferEncoding::quoted_printable);
    for (auto line : lines_of(encoded)) {
        EXPECT_LE(line.size(), 76u);
        EXPECT_NE(line.back(), ' ');
        EXPECT_NE(line.rfind("From ", 0), 0u);
    }
    auto decoded = decode_quoted_printable(lines_of(encoded));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(*decoded, body);
}

TEST(EmailTransfer, Base64RoundTripsInCanonicalForm)
{
    const std::string body = "港湾労働者\nline two\n";
    const std::string encoded = encode_body(body, TransferEncoding::base64);
    for (auto line : lines_of(encoded)) EXPECT_LE(line.size(), 76u);
    auto decoded = decode_base64(lines_of(encoded));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(*decoded, body);  // the reader drops the CRs of the canonical form
}

TEST(EmailMessage, DateIsNoonUtcOfTheIssueDate)
{
    EXPECT_EQ(rfc5322_date("2025-04-14", ""), "Mon, 14 Apr 2025 12:00:00 +0000");
    EXPECT_EQ(rfc5322_date("2024-02-29", ""), "Thu, 29 Feb 2024 12:00:00 +0000");
    EXPECT_EQ(rfc5322_date("2025-04", "").substr(0, 16), "Tue, 01 Apr 2025");
    // A time of day keeps its zone; the weekday and day are the zone's.
    EXPECT_EQ(rfc5322_date("2013-05-06", "02:12:52+02:00"), "Mon, 06 May 2013 02:12:52 +0200");
    EXPECT_EQ(rfc5322_date("2024-03-01", "23:30:00-08:00"), "Fri, 01 Mar 2024 23:30:00 -0800");
    EXPECT_EQ(rfc5322_date("2024-03-01", "10:00:00Z"), "Fri, 01 Mar 2024 10:00:00 +0000");
}

TEST(EmailMessage, MultipartHasBothPartsAndAClosingBoundary)
{
    Diagnostics diagnostics;
    const std::string message = build_message({"From: <a@example.org>", "Subject: x"},
                                              {{"text/plain; charset=utf-8", "text\n"}, {"text/html; charset=utf-8", "<p>x</p>\n"}},
                                              std::nullopt, false, "seed", diagnostics);
    const auto boundary_at = message.find("boundary=\"");
    ASSERT_NE(boundary_at, std::string::npos);
    const std::string boundary = message.substr(boundary_at + 10, message.find('"', boundary_at + 10) - boundary_at - 10);
    EXPECT_NE(message.find("\n--" + boundary + "\nContent-Type: text/plain"), std::string::npos);
    EXPECT_NE(message.find("\n--" + boundary + "\nContent-Type: text/html"), std::string::npos);
    EXPECT_NE(message.find("\n--" + boundary + "--\n"), std::string::npos);
    // Stable: the same seed gives the same message.
    EXPECT_EQ(message, build_message({"From: <a@example.org>", "Subject: x"},
                                     {{"text/plain; charset=utf-8", "text\n"}, {"text/html; charset=utf-8", "<p>x</p>\n"}},
                                     std::nullopt, false, "seed", diagnostics));
}
