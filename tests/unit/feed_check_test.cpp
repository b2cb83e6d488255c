#include <gtest/gtest.h>

#include "temp_folder.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <stdlib.h>

#include "feed/feed_check.hpp"

namespace fs = std::filesystem;
using namespace mimeo;

namespace {

using mimeo::testing::TempFolder;

std::vector<std::string> codes(const Diagnostics& d)
{
    std::vector<std::string> out;
    for (const auto& x : d.all()) out.push_back(x.code);
    return out;
}

const std::string good_rss =
    "<rss version=\"2.0\"><channel><title>P</title><link>https://p.example/</link><description>D</description>"
    "<lastBuildDate>Mon, 14 Apr 2025 00:00:00 +0000</lastBuildDate>"
    "<item><title>A</title><guid>https://p.example/a/</guid><pubDate>Mon, 14 Apr 2025 00:00:00 +0000</pubDate></item>"
    "</channel></rss>";

const std::string good_atom =
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>https://p.example/</id><title>P</title>"
    "<updated>2025-04-14T00:00:00Z</updated><author><name>E</name></author>"
    "<entry><id>https://p.example/a/</id><title>A</title><updated>2025-04-14T00:00:00Z</updated>"
    "<link href=\"https://p.example/a/\"/></entry></feed>";

}  // namespace

TEST(FeedCheck, RecognizesFeedsByTheirRoot)
{
    TempFolder temp;
    Checker rss = feed::rss_checker(), atom = feed::atom_checker();
    fs::path r = temp.file("r.rss", good_rss), a = temp.file("a.xml", good_atom);
    fs::path model = temp.file("m.xml", "<article xmlns=\"urn:mimeo:article:1\"><meta/><body/></article>");
    fs::path jats = temp.file("j.xml", "<!DOCTYPE article><article article-type=\"news\"><front/></article>");
    EXPECT_TRUE(rss.recognizes(r));
    EXPECT_FALSE(rss.recognizes(a));
    EXPECT_TRUE(atom.recognizes(a));
    EXPECT_FALSE(atom.recognizes(r));
    for (const fs::path& other : {model, jats}) {
        EXPECT_FALSE(rss.recognizes(other)) << other;
        EXPECT_FALSE(atom.recognizes(other)) << other;
    }
    // A <feed> outside Atom's namespace is not Atom.
    EXPECT_FALSE(atom.recognizes(temp.file("f.xml", "<feed><title>x</title></feed>")));
}

TEST(FeedCheck, GoodFeedsPass)
{
    TempFolder temp;
    Diagnostics d;
    d.echo_to(nullptr);
    EXPECT_EQ(feed::rss_checker().check(temp.file("good.rss", good_rss), d).status, CheckResult::Status::passed);
    EXPECT_EQ(feed::atom_checker().check(temp.file("good.atom", good_atom), d).status, CheckResult::Status::passed);
    EXPECT_TRUE(d.all().empty());
}

TEST(FeedCheck, RssProblemsAreFoundAndLocated)
{
    TempFolder temp;
    const std::string bad =
        "<rss version=\"2.0\"><channel><title>P</title><description>D</description>\n"
        "<lastBuildDate>Mon, 14 Apr 25 00:00:00 GMT</lastBuildDate>\n"
        "<managingEditor>The Editors</managingEditor>\n"
        "<item><title>A</title><guid>a-1</guid><pubDate>Tue, 14 Apr 2025 00:00:00 +0000</pubDate></item>\n"
        "<item><title>B</title><guid isPermaLink=\"false\">a-1</guid><pubDate>yesterday</pubDate></item>\n"
        "</channel></rss>";
    Diagnostics d;
    d.echo_to(nullptr);
    CheckResult result = feed::rss_checker().check(temp.file("bad.rss", bad), d);
    EXPECT_EQ(result.status, CheckResult::Status::failed);
    auto found = codes(d);
    auto count = [&](const char* code) { return std::count(found.begin(), found.end(), code); };
    EXPECT_EQ(count("feed-missing"), 1);  // the channel's link
    EXPECT_EQ(count("feed-date"), 3);     // two-digit year, wrong weekday, not a date
    EXPECT_EQ(count("feed-editor"), 1);
    EXPECT_EQ(count("feed-url"), 1);      // a permalink guid that is no URL
    EXPECT_EQ(count("feed-guid"), 1);     // a-1 twice
    for (const auto& x : d.all()) EXPECT_GT(x.where.line, 0) << x.message;
    EXPECT_EQ(d.all()[1].where.line, 2);  // the two-digit year
}

TEST(FeedCheck, AtomProblemsAreFound)
{
    TempFolder temp;
    const std::string bad =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>feed-1</id><title>P</title>\n"
        "<entry><id>https://p.example/a/</id><title>A</title><updated>2025-04-14</updated></entry>\n"
        "<entry><id>https://p.example/a/</id><title type=\"markdown\">B</title></entry>\n"
        "</feed>";
    Diagnostics d;
    d.echo_to(nullptr);
    EXPECT_EQ(feed::atom_checker().check(temp.file("bad.atom", bad), d).status, CheckResult::Status::failed);
    auto found = codes(d);
    auto count = [&](const char* code) { return std::count(found.begin(), found.end(), code); };
    EXPECT_EQ(count("feed-url"), 1);   // feed id not an IRI
    EXPECT_EQ(count("feed-date"), 1);  // a date with no time
    EXPECT_EQ(count("feed-guid"), 1);  // the repeated id
    EXPECT_EQ(count("feed-type"), 1);
    // No feed updated, no entry updated on B, no author anywhere (twice), no link or content (twice).
    EXPECT_EQ(count("feed-missing"), 6);
}

TEST(FeedCheck, MalformedXmlFails)
{
    TempFolder temp;
    Diagnostics d;
    d.echo_to(nullptr);
    fs::path broken = temp.file("broken.rss", "<rss version=\"2.0\"><channel>\n<title>A &nbsp; B</title></channel></rss>");
    EXPECT_EQ(feed::rss_checker().check(broken, d).status, CheckResult::Status::failed);
    ASSERT_EQ(d.all().size(), 1u);
    EXPECT_EQ(d.all()[0].code, "feed-parse");
    EXPECT_EQ(d.all()[0].where.line, 2);
}
