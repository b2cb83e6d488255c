// Format options as importers and exporters read them.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "common/options.hpp"

using namespace mimeo;

TEST(FormatOptions, OnlyKeepsTheKeysASpecNames)
{
    FormatOptions options;
    options.set_from_text("smart=false");
    options.set_from_text("comments=notes");
    const FormatOptions markdown = options.only({{"smart", OptionType::boolean, "true", ""}});
    EXPECT_EQ(markdown.keys(), std::vector<std::string>{"smart"});
    EXPECT_FALSE(markdown.get_bool("smart", true));
    EXPECT_TRUE(options.has("comments"));
}

// Found when a pipeline with `options: {smart: false}` crashed one run in two: every import
// thread took its importer's options from the one shared set, and a shallow copy of a
// YAML node writes to the node it copies.
TEST(FormatOptions, OnlyIsSafeFromManyThreadsAtOnce)
{
    FormatOptions shared;
    shared.set_from_text("smart=false");
    shared.set_from_text("fonts=[a.ttf, b.ttf]");
    const std::vector<OptionSpec> specs = {{"smart", OptionType::boolean, "true", ""},
                                           {"fonts", OptionType::path_list, "", ""}};
    std::vector<std::jthread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 2000; ++i) {
                FormatOptions mine = shared.only(specs);
                mine.set("format", "x");
                EXPECT_FALSE(mine.get_bool("smart", true));
                EXPECT_EQ(mine.get_list("fonts").size(), 2u);
            }
        });
    threads.clear();
    EXPECT_FALSE(shared.has("format"));
}

TEST(FormatOptions, PathsResolveAgainstAFolder)
{
    FormatOptions options;
    options.set_from_text("stylesheet=house.css");
    options.set_from_text("fonts=[f/a.ttf, /abs/b.ttf]");
    options.set_from_text("title=house.css");
    options.resolve_paths({{"stylesheet", OptionType::path, "", ""},
                           {"fonts", OptionType::path_list, "", ""},
                           {"title", OptionType::string, "", ""}},
                          "/srv/paper");
    EXPECT_EQ(options.get_string("stylesheet"), "/srv/paper/house.css");
    EXPECT_EQ(options.get_list("fonts"), (std::vector<std::string>{"/srv/paper/f/a.ttf", "/abs/b.ttf"}));
    EXPECT_EQ(options.get_string("title"), "house.css");
}
