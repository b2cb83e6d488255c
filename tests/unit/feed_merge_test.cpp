#include <gtest/gtest.h>

#include "temp_folder.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <stdlib.h>

#include "feed/atom_exporter.hpp"
#include "feed/feed_merge.hpp"
#include "feed/rss_exporter.hpp"

namespace fs = std::filesystem;
using namespace mimeo;

namespace {

using mimeo::testing::TempFolder;

std::string item(const std::string& guid, const std::string& date, const std::string& title)
{
    return "<item><title>" + title + "</title><guid>" + guid + "</guid><pubDate>" + date + "</pubDate></item>";
}

void load_new(pugi::xml_document& doc, const std::string& items)
{
    const std::string text = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>New</title>" +
                             items + "</channel></rss>";
    ASSERT_TRUE(doc.load_string(text.c_str()));
}

std::vector<std::string> titles(const pugi::xml_document& doc)
{
    std::vector<std::string> out;
    for (pugi::xml_node i : doc.child("rss").child("channel").children("item")) out.push_back(i.child_value("title"));
    return out;
}

}  // namespace

TEST(FeedMerge, KeepsOldItemsReplacesSameGuidAndSortsNewestFirst)
{
    TempFolder temp;
    fs::path old = temp.file("old.xml", "<rss version=\"2.0\"><channel><title>Old</title>" +
                                            item("https://p.example/a/", "Mon, 07 Apr 2025 00:00:00 +0000", "A old") +
                                            item("https://p.example/b/", "Sun, 06 Apr 2025 00:00:00 GMT", "B") +
                                            item("https://p.example/c/", "Tue, 08 Apr 2025 00:00:00 +0000", "C") +
                                            "</channel></rss>");
    pugi::xml_document doc;
    load_new(doc, item("https://p.example/d/", "Mon, 14 Apr 2025 00:00:00 +0000", "D") +
                      item("https://p.example/a/", "Mon, 07 Apr 2025 00:00:00 +0000", "A new"));
    feed::merge_items(doc, feed::rss_syntax(), old, {true, 50});
    EXPECT_EQ(titles(doc), (std::vector<std::string>{"D", "C", "A new", "B"}));
    // The channel's own elements stay before the items.
    EXPECT_STREQ(doc.child("rss").child("channel").first_child().name(), "title");
    EXPECT_STREQ(doc.child("rss").child("channel").child_value("title"), "New");
}

TEST(FeedMerge, CapsAtMaxItemsDroppingTheOldest)
{
    TempFolder temp;
    fs::path old = temp.file("capped.xml", "<rss version=\"2.0\"><channel>" +
                                               item("o1", "Mon, 07 Apr 2025 00:00:00 +0000", "old 7") +
                                               item("o2", "Tue, 01 Apr 2025 00:00:00 +0000", "old 1") + "</channel></rss>");
    pugi::xml_document doc;
    load_new(doc, item("n1", "Wed, 02 Apr 2025 00:00:00 +0000", "new 2"));
    feed::merge_items(doc, feed::rss_syntax(), old, {true, 2});
    EXPECT_EQ(titles(doc), (std::vector<std::string>{"old 7", "new 2"}));

    pugi::xml_document unlimited;
    load_new(unlimited, item("n1", "Wed, 02 Apr 2025 00:00:00 +0000", "new 2"));
    feed::merge_items(unlimited, feed::rss_syntax(), old, {true, 0});
    EXPECT_EQ(titles(unlimited).size(), 3u);
}

TEST(FeedMerge, WithoutMergeOrTargetOnlyNewItems)
{
    TempFolder temp;
    fs::path old = temp.file("ignored.xml", "<rss version=\"2.0\"><channel>" + item("o1", "Mon, 07 Apr 2025 00:00:00 +0000", "old") +
                                                "</channel></rss>");
    pugi::xml_document doc;
    load_new(doc, item("n1", "Wed, 02 Apr 2025 00:00:00 +0000", "new"));
    feed::merge_items(doc, feed::rss_syntax(), old, {false, 50});
    EXPECT_EQ(titles(doc), (std::vector<std::string>{"new"}));

    pugi::xml_document fresh;
    load_new(fresh, item("n1", "Wed, 02 Apr 2025 00:00:00 +0000", "new"));
    feed::merge_items(fresh, feed::rss_syntax(), old.parent_path() / "absent.xml", {true, 50});
    EXPECT_EQ(titles(fresh), (std::vector<std::string>{"new"}));
}

TEST(FeedMerge, AnUnreadableFeedStopsTheRunWithItsLine)
{
    TempFolder temp;
    fs::path broken = temp.file("broken.xml", "<rss version=\"2.0\">\n<channel>\n<item><title>A & B</title></item>\n</channel></rss>");
    pugi::xml_document doc;
    load_new(doc, "");
    try {
        feed::merge_items(doc, feed::rss_syntax(), broken, {true, 50});
        FAIL() << "a broken feed was merged";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostic().code, "feed-parse");
        EXPECT_EQ(e.diagnostic().where.file, broken.string());
        EXPECT_EQ(e.diagnostic().where.line, 3);
    }
}

TEST(FeedMerge, RefusesToMergeAnotherKindOfFeed)
{
    TempFolder temp;
    fs::path atom = temp.file("atom.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title></feed>");
    pugi::xml_document doc;
    load_new(doc, "");
    try {
        feed::merge_items(doc, feed::rss_syntax(), atom, {true, 50});
        FAIL() << "an Atom feed was merged into RSS";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostic().code, "feed-merge");
    }
}

TEST(FeedMerge, CopiedItemsKeepTheirNamespaces)
{
    TempFolder temp;
    fs::path old = temp.file("media.xml",
                             "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns:dc=\"urn:other-dc\">"
                             "<channel><item><guid>o1</guid><pubDate>Mon, 07 Apr 2025 00:00:00 +0000</pubDate>"
                             "<media:thumbnail url=\"https://p.example/t.png\"/><dc:creator>X</dc:creator></item></channel></rss>");
    pugi::xml_document doc;
    load_new(doc, "");
    feed::merge_items(doc, feed::rss_syntax(), old, {true, 50});
    pugi::xml_node rss = doc.child("rss");
    EXPECT_STREQ(rss.attribute("xmlns:media").value(), "http://search.yahoo.com/mrss/");
    // dc is bound elsewhere by the new root, so the copied item declares its own.
    EXPECT_STREQ(rss.attribute("xmlns:dc").value(), "http://purl.org/dc/elements/1.1/");
    EXPECT_STREQ(rss.child("channel").child("item").attribute("xmlns:dc").value(), "urn:other-dc");
}

TEST(FeedMerge, AtomEntriesByIdAndUpdated)
{
    TempFolder temp;
    fs::path old = temp.file("old.atom",
                             "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Old</title>"
                             "<entry><id>urn:a</id><title>A old</title><updated>2025-04-07T00:00:00Z</updated></entry>"
                             "<entry><id>urn:b</id><title>B</title><updated>2025-04-09T10:00:00+02:00</updated></entry>"
                             "</feed>");
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>New</title>"
                                "<entry><id>urn:a</id><title>A new</title><updated>2025-04-07T00:00:00Z</updated></entry>"
                                "<entry><id>urn:c</id><title>C</title><updated>2025-04-09T09:00:00Z</updated></entry></feed>"));
    feed::merge_items(doc, feed::atom_syntax(), old, {true, 50});
    std::vector<std::string> got;
    for (pugi::xml_node e : doc.child("feed").children("entry")) got.push_back(e.child_value("title"));
    // A's title changed: a correction, dated now, so the newest; B and C by their dates.
    EXPECT_EQ(got, (std::vector<std::string>{"A new", "C", "B"}));
    pugi::xml_node a = doc.child("feed").child("entry");
    EXPECT_GT(parse_rfc3339(a.child_value("updated")).value(), parse_rfc3339("2025-04-07T00:00:00Z").value());
}
