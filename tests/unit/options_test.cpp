// Format options as importers and exporters read them.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "common/options.hpp"
#include "registry/formats.hpp"
#include "transforms/transform.hpp"

using namespace mimeo;

TEST(FormatOptions, OnlyKeepsTheKeysASpecNames)
{
    FormatOptions options;
    options.set_from_text("smart=false");
    options.set_from_text("comments=notes");
    const FormatOptions markdown = options.only({{"smart", OptionType::boolean, "true", ""}});
    EXPECT_EQ(markdown.keys(), std::vector<std::string>{"smart"});
    EXPECT_FALSE(markdown.get_bool("smart"));
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
                EXPECT_FALSE(mine.get_bool("smart"));
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

// The spec is the one place an option's default is written: the getters read it from there.
TEST(FormatOptions, AbsentOptionsReadTheSpecsDefault)
{
    const std::vector<OptionSpec> specs = {{"width", OptionType::integer, "72", "", {}, 40, 76},
                                           {"html", OptionType::boolean, "false", ""},
                                           {"date", OptionType::string, "issue", "", {"issue", "now"}},
                                           {"footer", OptionType::string, "", ""}};
    FormatOptions options(YAML::Load("{html: true}"), "p.yaml");
    EXPECT_THROW(options.get_int("width"), std::logic_error);  // read before its spec is known
    options.check_against(specs, "email");
    EXPECT_EQ(options.get_int("width"), 72);
    EXPECT_TRUE(options.get_bool("html"));
    EXPECT_EQ(options.get_string("date"), "issue");
    EXPECT_EQ(options.get_string("footer"), "");
    EXPECT_FALSE(options.has("width"));  // a default is not a value given
}

TEST(FormatOptions, ValuesOutsideTheRulesAreRefusedAtTheirKey)
{
    const std::vector<OptionSpec> specs = {{"width", OptionType::integer, "72", "", {}, 40, 76},
                                           {"date", OptionType::string, "issue", "", {"issue", "now"}}};
    FormatOptions wide(YAML::Load("{date: now,\n width: 100}"), "p.yaml");
    try {
        wide.check_against(specs, "email");
        ADD_FAILURE() << "width 100 is over the maximum";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostic().code, "option-value");
        EXPECT_EQ(e.diagnostic().where.line, 2);
        EXPECT_NE(e.diagnostic().message.find("from 40 to 76 (got '100')"), std::string::npos) << e.diagnostic().message;
    }
    FormatOptions typed;
    typed.set_from_text("date=tomorrow");
    EXPECT_THROW(typed.check_against(specs, "email"), UsageError);  // from the command line
}

// Every default in every spec is a value its own checks accept.
TEST(FormatOptions, EveryDeclaredDefaultFitsItsOwnRules)
{
    std::vector<std::pair<std::string, std::vector<OptionSpec>>> all;
    for (const Importer& importer : importers()) all.emplace_back(importer.name, importer.options);
    for (const Exporter& exporter : exporters()) all.emplace_back(exporter.name, exporter.options);
    for (const transforms::Transform& transform : transforms::all()) all.emplace_back(transform.name, transform.options);
    int defaults = 0;
    for (const auto& [owner, specs] : all) {
        for (const OptionSpec& spec : specs) {
            EXPECT_FALSE(spec.description.empty()) << owner << " " << spec.name;
            if (spec.default_value.empty()) continue;
            ++defaults;
            const YAML::Node value = YAML::Load(spec.default_value);
            ASSERT_TRUE(fits_type(spec.type, value)) << owner << " " << spec.name << ": " << spec.default_value;
            EXPECT_EQ(broken_rule(spec, value), "") << owner << " " << spec.name;
            EXPECT_TRUE(spec.default_note.empty()) << owner << " " << spec.name << " has a value and a note";
        }
    }
    EXPECT_GT(defaults, 30);
}
