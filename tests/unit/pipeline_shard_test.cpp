// Sharding: K/N parsing, a stable hash that does not depend on where the pipeline sits,
// shares that cover every input once, and which outputs a shard writes.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "common/diagnostics.hpp"
#include "pipeline/json_progress.hpp"
#include "pipeline/shard.hpp"

using namespace mimeo;
using namespace mimeo::pipeline;

TEST(PipelineShard, ParsesKOverN)
{
    const Shard shard = parse_shard("3/16");
    EXPECT_EQ(shard.index, 3u);
    EXPECT_EQ(shard.count, 16u);
    EXPECT_EQ(parse_shard("0/1").count, 1u);
    for (const char* bad : {"", "3", "16/16", "17/16", "1/0", "-1/4", "a/4", "1/4x", "1//4", " 1/4"})
        EXPECT_THROW(parse_shard(bad), UsageError) << bad;
}

TEST(PipelineShard, HashIsOfThePathRelativeToThePipeline)
{
    // The same layout in two places: the same shard.
    for (unsigned n : {2u, 4u, 16u, 1000u}) {
        EXPECT_EQ(shard_of("/srv/a/articles/x.md", "/srv/a", n), shard_of("/home/b/articles/x.md", "/home/b", n));
        EXPECT_EQ(shard_of("/srv/a/articles/./x.md", "/srv/a/", n), shard_of("/srv/a/articles/x.md", "/srv/a", n));
        EXPECT_LT(shard_of("/srv/a/articles/x.md", "/srv/a", n), n);
    }
    EXPECT_EQ(shard_of("/srv/a/x.md", "/srv/a", 1), 0u);
}

TEST(PipelineShard, SharesCoverEveryInputOnceAndAreBalanced)
{
    constexpr unsigned n = 4;
    std::size_t counts[n] = {};
    for (int i = 0; i < 4000; ++i) ++counts[shard_of("/p/articles/a-" + std::to_string(i) + ".md", "/p", n)];
    for (std::size_t count : counts) {
        EXPECT_GT(count, 800u);  // 1000 expected; a poor hash would pile them up
        EXPECT_LT(count, 1200u);
    }
}

TEST(PipelineShard, PerArticleOutputs)
{
    OutputSpec slugged{"html", "out/${article.slug}.html", true, false, {}};
    OutputSpec jats{"jats", "out/jats", false, false, {}};
    OutputSpec page{"html", "out/issue.html", false, false, {}};
    OutputSpec epub{"epub", "out/issue.epub", false, false, {}};
    OutputSpec xml{"xml", "out/xml", false, false, {}};
    EXPECT_TRUE(is_per_article(slugged));
    EXPECT_TRUE(is_per_article(jats));
    EXPECT_FALSE(is_per_article(page));
    EXPECT_FALSE(is_per_article(epub));
    EXPECT_FALSE(is_per_article(xml));  // it writes issue.xml too
}

TEST(PipelineProgress, JsonLine)
{
    EXPECT_EQ(progress_json("articles", 0, 10, 0), R"({"phase":"articles","done":0,"total":10,"rate":null,"eta":null})");
    EXPECT_EQ(progress_json("articles", 5, 10, 2.0), R"({"phase":"articles","done":5,"total":10,"rate":2.50,"eta":2.00})");
    EXPECT_EQ(progress_json("outputs", 0, 0, 0), R"({"phase":"outputs","done":0,"total":0,"rate":null,"eta":0})");
}
