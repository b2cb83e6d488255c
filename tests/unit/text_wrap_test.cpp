#include <gtest/gtest.h>

#include "text/width.hpp"
#include "text/wrap.hpp"

using namespace mimeo::text;

TEST(TextWidth, WideCharactersCountTwoAndCombiningMarksZero)
{
    EXPECT_EQ(display_width("abc"), 3);
    EXPECT_EQ(display_width("港湾労働者"), 10);
    EXPECT_EQ(display_width("ＡＢ"), 4);          // fullwidth Latin
    EXPECT_EQ(display_width("e\u0301te\u0301"), 3);  // e + combining acute, t, e + combining acute
    EXPECT_EQ(display_width("«»—"), 3);            // narrow and ambiguous punctuation
    EXPECT_EQ(display_width("\u200B"), 0);         // zero width space (format)
}

TEST(TextWrap, BreaksAtSpacesWithinTheWidth)
{
    auto lines = wrap("the quick brown fox jumps over the lazy dog", 15);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].text, "the quick brown");
    EXPECT_EQ(lines[1].text, "fox jumps over");
    EXPECT_EQ(lines[2].text, "the lazy dog");
    EXPECT_EQ(lines[0].end, LineEnd::soft_space);
    EXPECT_EQ(lines[2].end, LineEnd::hard);
    for (const auto& line : lines) EXPECT_LE(display_width(line.text), 15);
}

TEST(TextWrap, JapaneseBreaksBetweenCharactersByDisplayWidth)
{
    const std::string text = "横浜港の荷役労働者は、三日間のストライキを行い、賃上げと人員の増加を要求した。";
    auto lines = wrap(text, 20);
    ASSERT_GT(lines.size(), 1u);
    std::string joined;
    for (const auto& line : lines) {
        EXPECT_LE(display_width(line.text), 20) << line.text;
        joined += line.text;
    }
    EXPECT_EQ(joined, text);
    EXPECT_EQ(lines[0].end, LineEnd::soft_join);
    // UAX #14: no line starts with the ideographic comma or full stop.
    for (const auto& line : lines) {
        EXPECT_NE(line.text.rfind("、", 0), 0u) << line.text;
        EXPECT_NE(line.text.rfind("。", 0), 0u) << line.text;
    }
}

TEST(TextWrap, UrlsAndLongWordsStayWhole)
{
    auto lines = wrap("see https://stats.example.gov/series?id=wages&region=port-and-harbour today", 20);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[1].text, "https://stats.example.gov/series?id=wages&region=port-and-harbour");
    auto word = wrap("Donaudampfschifffahrtsgesellschaft", 10);
    ASSERT_EQ(word.size(), 1u);
}

TEST(TextWrap, ForcedBreaksAreHard)
{
    auto lines = wrap("one\ntwo three", 40);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].text, "one");
    EXPECT_EQ(lines[0].end, LineEnd::hard);
    EXPECT_EQ(lines[1].text, "two three");
}

TEST(TextWrap, EmptyTextIsOneEmptyLine)
{
    auto lines = wrap("", 40);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].text, "");
}
