#include <gtest/gtest.h>

#include "common/url.hpp"

using namespace mimeo;

TEST(FeedUrl, ResolvesReferencesAgainstTheArticle)
{
    const std::string base = "https://paper.example.org/418/rents/";
    EXPECT_EQ(resolve_url("images/chart.png", base), "https://paper.example.org/418/rents/images/chart.png");
    EXPECT_EQ(resolve_url("../other/", base), "https://paper.example.org/418/other/");
    EXPECT_EQ(resolve_url("/about", base), "https://paper.example.org/about");
    EXPECT_EQ(resolve_url("#table-1", base), "https://paper.example.org/418/rents/#table-1");
    EXPECT_EQ(resolve_url("?page=2", base), "https://paper.example.org/418/rents/?page=2");
    EXPECT_EQ(resolve_url("//cdn.example.net/a.png", base), "https://cdn.example.net/a.png");
    EXPECT_EQ(resolve_url("https://other.example/x?a=1&b=2", base), "https://other.example/x?a=1&b=2");
    EXPECT_EQ(resolve_url("mailto:desk@paper.example.org", base), "mailto:desk@paper.example.org");
}

TEST(FeedUrl, EncodesWhatRfc3986DoesNotAllow)
{
    EXPECT_EQ(resolve_url("港湾/", "https://paper.example.org/"), "https://paper.example.org/%E6%B8%AF%E6%B9%BE/");
    EXPECT_EQ(resolve_url("my chart.png", "https://paper.example.org/a/"), "https://paper.example.org/a/my%20chart.png");
    EXPECT_EQ(encode_url("https://x.example/%C3%A9t%C3%A9"), "https://x.example/%C3%A9t%C3%A9");
    EXPECT_EQ(resolve_url("images/a.png", ""), "images/a.png");
}

TEST(FeedUrl, KnowsAbsoluteUrls)
{
    EXPECT_TRUE(is_absolute_url("https://x.example/"));
    EXPECT_TRUE(is_absolute_url("urn:isbn:0451450523"));
    EXPECT_TRUE(is_absolute_url("tag:paper.example.org,2025:rents"));
    EXPECT_FALSE(is_absolute_url("/rents/"));
    EXPECT_FALSE(is_absolute_url("rents/index.html"));
    EXPECT_FALSE(is_absolute_url("1http://x"));
    EXPECT_FALSE(is_absolute_url(""));
}
