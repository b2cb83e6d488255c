#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <set>
#include <string>

#include "model/wording.hpp"

using namespace mimeo::model;

namespace {

std::set<std::string> keys_of(std::string_view text)
{
    std::set<std::string> keys;
    for (const auto& entry : YAML::Load(std::string(text))) keys.insert(entry.first.Scalar());
    return keys;
}

}  // namespace

TEST(Wording, EveryCatalogSaysEveryKeyTheEnglishOneDoes)
{
    std::set<std::string> english, languages;
    for (const auto& [language, text] : wording_catalogs())
        if (language == "en") english = keys_of(text);
    ASSERT_FALSE(english.empty());
    for (const auto& [language, text] : wording_catalogs()) {
        languages.insert(std::string(language));
        EXPECT_EQ(keys_of(text), english) << language << ".yaml";
    }
    for (const char* wanted : {"en", "fr", "de", "es", "it", "pt", "ja", "zh"}) EXPECT_TRUE(languages.count(wanted)) << wanted;
}

TEST(Wording, WordsInTheLanguageAndEnglishWhenThereIsNoCatalog)
{
    EXPECT_EQ(say("fr", "contents"), "Sommaire");
    EXPECT_EQ(say("fr-CA", "by", "Ann"), "Par Ann");  // a region takes its language's words
    EXPECT_EQ(say("de", "issue", "418"), "Ausgabe 418");
    EXPECT_EQ(say("ja", "volume", "9"), "第9巻");
    EXPECT_EQ(say("sw", "contents"), "Contents");
    EXPECT_EQ(say("", "by", "Ann"), "By Ann");
}

TEST(Wording, DatesAndListsAsCldrWritesThem)
{
    EXPECT_EQ(local_date("2025-04-14", "en"), "April 14, 2025");
    EXPECT_EQ(local_date("2025-04-14", "fr"), "14 avril 2025");
    EXPECT_EQ(local_date("2025-04-14", "de"), "14. April 2025");
    EXPECT_EQ(local_date("2025-04-14", "ja"), "2025年4月14日");
    EXPECT_EQ(local_date("2025-04", "en"), "April 2025");
    EXPECT_EQ(local_date("2025-04", "fr"), "avril 2025");
    EXPECT_EQ(local_date("2025", "en"), "2025");
    EXPECT_EQ(local_date("soon", "en"), "soon");
    EXPECT_EQ(local_list({"A", "B"}, "en"), "A and B");
    EXPECT_EQ(local_list({"A", "B", "C"}, "fr"), "A, B et C");
    EXPECT_EQ(local_list({"A"}, "de"), "A");
}
