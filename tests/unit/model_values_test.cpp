// The forms every importer writes into the model: dates, language tags, ids, holdable text.
#include <gtest/gtest.h>

#include "common/standard_forms.hpp"
#include "model/ids.hpp"
#include "model/xml_text.hpp"

namespace mimeo {
namespace {

TEST(StandardForms, IsoDatesNameRealDays)
{
    for (const char* good : {"2025", "2025-04", "2025-04-14", "2024-02-29", "2000-02-29", "1999-12-31"})
        EXPECT_TRUE(is_iso_date(good)) << good;
    for (const char* bad : {"", "25", "2025-4", "2025-13", "2025-00", "2025-04-31", "2025-02-29", "1900-02-29",
                            "2025-04-00", "2025-04-14T10:00", "2025/04/14", "２０２５"})
        EXPECT_FALSE(is_iso_date(bad)) << bad;
}

TEST(StandardForms, DatesWithTimesAsWritersGiveThem)
{
    const std::pair<const char*, DateTime> good[] = {
        {"2024-03-01", {"2024-03-01", ""}},
        {"2024-03", {"2024-03", ""}},
        {"2024-03-01T10:00:00Z", {"2024-03-01", "10:00:00Z"}},
        {"2024-03-01T10:00:00-08:00", {"2024-03-01", "10:00:00-08:00"}},
        {"2024-03-01t10:00:00.123+05:30", {"2024-03-01", "10:00:00+05:30"}},
        {"2013-05-06 02:12:52 +0200", {"2013-05-06", "02:12:52+02:00"}},
        {"2013-05-06 02:12 +0200", {"2013-05-06", "02:12:00+02:00"}},
        {"2013-05-06 02:12:52", {"2013-05-06", "02:12:52"}},
        {"2001-12-14 21:59:43.10 -5", {"2001-12-14", "21:59:43-05:00"}},
        {"2001-12-14 21:59:43 UTC", {"2001-12-14", "21:59:43Z"}},
    };
    for (const auto& [text, expected] : good) {
        const auto parsed = parse_date_time(text);
        ASSERT_TRUE(parsed) << text;
        EXPECT_EQ(parsed->date, expected.date) << text;
        EXPECT_EQ(parsed->time, expected.time) << text;
    }
    for (const char* bad : {"", "2024-02-30T10:00:00Z", "2024-03-01T25:00:00Z", "2024-03-01T10:60:00Z", "2024-03-01T10",
                            "2024-03-01 10:00:00 +020", "2024-03-01 10:00:00 +2400", "2024-03-01 10:00:00 PST",
                            "March 1, 2024", "2024-03-01T10:00:00Zjunk"})
        EXPECT_FALSE(parse_date_time(bad)) << bad;
}

TEST(StandardForms, LanguageTagsByRfc5646)
{
    for (const char* good : {"en", "fr", "pt-BR", "zh-Hant-TW", "sr-Latn-RS", "es-419", "de-CH-1996", "sl-rozaj-biske",
                             "zh-yue-HK", "en-US-u-islamcal", "x-whatever", "en-x-private", "i-klingon", "en-GB-oed",
                             "sgn-BE-FR", "english"})
        EXPECT_TRUE(is_language_tag(good)) << good;
    for (const char* bad : {"", "e", "en-", "-en", "en--us", "toolongtag", "en_US", "en-a", "en-x", "x", "fr-123456789",
                            "en-US-u", "12", "en-Latn-Latn-US-1"})
        EXPECT_FALSE(is_language_tag(bad)) << bad;
}

TEST(StandardForms, IssnsAndOrcidsCarryTheirCheckDigits)
{
    for (const char* good : {"2049-3630", "0317-8471", "2434-561X", "1050-124x"}) EXPECT_TRUE(is_issn(good)) << good;
    for (const char* bad : {"2049-3631", "20493630", "2049-363", "abcd-efgh", "0317-847X"}) EXPECT_FALSE(is_issn(bad)) << bad;
    EXPECT_EQ(orcid_url("0000-0002-1825-0097"), "https://orcid.org/0000-0002-1825-0097");
    EXPECT_EQ(orcid_url("http://orcid.org/0000-0002-1694-233x"), "https://orcid.org/0000-0002-1694-233X");
    EXPECT_EQ(orcid_url("https://orcid.org/0000-0001-5109-3700"), "https://orcid.org/0000-0001-5109-3700");
    for (const char* bad : {"0000-0002-1825-0098", "0000000218250097", "https://orcid.org/0000-0002-1825", ""})
        EXPECT_EQ(orcid_url(bad), "") << bad;
}

TEST(Ids, HeadingsGetUniqueSlugsThatBeginAsNames)
{
    model::IdMaker ids;
    EXPECT_EQ(ids.for_text("Hello, World", "section"), "hello-world");
    EXPECT_EQ(ids.for_text("Hello World!", "section"), "hello-world-2");
    EXPECT_EQ(ids.for_text("2025 in review", "section"), "s-2025-in-review");
    EXPECT_EQ(ids.for_text("\u0662\u0660\u0662\u0665", "section"), "s-\u0662\u0660\u0662\u0665");  // Arabic-Indic digits
    EXPECT_EQ(ids.for_text("Été", "section"), "été");
    EXPECT_EQ(ids.for_text("***", "section"), "section");
    EXPECT_EQ(ids.for_text("", "section"), "section-2");
}

TEST(Ids, NamesAreKeptWhenTheyAreAlreadyIds)
{
    model::IdMaker ids;
    EXPECT_TRUE(ids.reserve("fn1"));
    EXPECT_FALSE(ids.reserve("fn1"));
    EXPECT_EQ(ids.for_name("Introduction"), "Introduction");
    EXPECT_EQ(ids.for_name("_Toc123"), "_Toc123");
    EXPECT_EQ(ids.for_name("fn1"), "fn1-2");
    EXPECT_EQ(ids.for_name("My Heading"), "my-heading");
    EXPECT_EQ(ids.for_name("1st"), "s-1st");
    EXPECT_EQ(ids.for_name(""), "");
    EXPECT_EQ(ids.for_name("!!"), "");
    EXPECT_EQ(model::as_id("2 Results"), "s-2-results");  // a link and its anchor agree
}

TEST(XmlText, ReplacesWhatXmlCannotHold)
{
    std::string fine = "tab\there, line\nends\r\n, é and 中文";
    EXPECT_EQ(model::clean_text(fine), 0u);
    EXPECT_EQ(fine, "tab\there, line\nends\r\n, é and 中文");
    std::string bad = std::string("a\x01" "b\x7f" "c") + "\xEF\xBF\xBE" + "\xEF\xBF\xBF" + "\xC3" + "d\x1b";
    EXPECT_EQ(model::clean_text(bad), 5u);
    EXPECT_EQ(bad, "a\uFFFDb\x7f" "c\uFFFD\uFFFD\uFFFDd\uFFFD");
}

}  // namespace
}  // namespace mimeo
