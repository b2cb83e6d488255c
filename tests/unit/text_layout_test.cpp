#include <gtest/gtest.h>

#include <filesystem>

#include "common/diagnostics.hpp"
#include "model/model.hpp"
#include "registry/import_article.hpp"
#include "text/article_text.hpp"
#include "text/layout.hpp"
#include "text/width.hpp"

using namespace mimeo;
using namespace mimeo::text;

namespace {

std::string plain(const Layout& layout) { return to_plain(layout.lines()); }

pugi::xml_document parse(const char* xml)
{
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(xml));
    return doc;
}

std::string render(const char* body_xml, int width = 40)
{
    std::string xml = std::string("<article xmlns=\"urn:mimeo:article:1\"><meta><title>T</title><slug>t</slug></meta><body>") +
                      body_xml + "</body></article>";
    pugi::xml_document doc = parse(xml.c_str());
    Layout out(width);
    References refs(doc.child("article"));
    write_blocks(out, doc.child("article").child("body"), refs);
    return plain(out);
}

}  // namespace

TEST(TextLayout, BlankLinesCollapseAndNeverLead)
{
    Layout out(40);
    out.blank_line();
    out.paragraph("one");
    out.blank_line();
    out.blank_line();
    out.paragraph("two");
    EXPECT_EQ(plain(out), "one\n\ntwo\n");
}

TEST(TextLayout, HangingIndentForListItems)
{
    EXPECT_EQ(render("<list kind=\"bullet\" tight=\"true\"><item><p>alpha beta gamma delta epsilon zeta eta</p></item>"
                     "<item><p>b</p></item></list>",
                     24),
              "* alpha beta gamma delta\n  epsilon zeta eta\n* b\n");
}

TEST(TextLayout, OrderedNumbersAlignAndNestedListsIndent)
{
    std::string items;
    for (int i = 0; i < 10; ++i) items += "<item><p>x</p></item>";
    std::string out = render(("<list kind=\"ordered\" tight=\"true\">" + items + "</list>").c_str());
    EXPECT_NE(out.find(" 9. x\n10. x\n"), std::string::npos) << out;
    out = render("<list kind=\"ordered\" tight=\"true\"><item><p>a</p><list kind=\"bullet\" tight=\"true\"><item><p>b</p></item></list></item></list>");
    EXPECT_EQ(out, "1. a\n   - b\n");
}

TEST(TextLayout, NestedQuotesGetOneMarkPerLevel)
{
    std::string out = render("<quote><p>outer words</p><quote><p>inner words</p></quote><attribution>Someone</attribution></quote>");
    EXPECT_EQ(out, "> outer words\n>\n>> inner words\n>\n> \u2014 Someone\n");
}

TEST(TextLayout, CodeIsNotWrapped)
{
    const std::string line = "int main() { return some_function_with_a_long_name(argument_one, argument_two); }";
    std::string out = render(("<code-block>" + line + "\n</code-block>").c_str());
    EXPECT_EQ(out, "    " + line + "\n");
}

TEST(TextLayout, LinksBecomeNumberedReferences)
{
    pugi::xml_document doc = parse(
        "<article xmlns=\"urn:mimeo:article:1\"><meta><title>Links</title><slug>l</slug></meta><body>"
        "<p>See <link href=\"https://a.example/\">one</link>, <link href=\"https://b.example/\">two</link> and "
        "<link href=\"https://a.example/\">one again</link>; <link href=\"https://c.example/\">https://c.example/</link>.</p>"
        "</body></article>");
    Layout out(72);
    write_article(out, doc.child("article"));
    const std::string text = plain(out);
    EXPECT_NE(text.find("See one [1], two [2] and one again [1]; https://c.example/."), std::string::npos) << text;
    EXPECT_NE(text.find("Links:\n[1] https://a.example/\n[2] https://b.example/\n"), std::string::npos) << text;
    EXPECT_EQ(text.find("[3]"), std::string::npos) << text;
    EXPECT_EQ(text.rfind("Links\n=====\n", 0), 0u) << text;
}

TEST(TextLayout, TablesAlignColumns)
{
    std::string out = render(
        "<table><column align=\"left\"/><column align=\"right\"/><head><row><cell>Year</cell><cell>Rent</cell></row></head>"
        "<rows><row><cell>2015</cell><cell>620</cell></row><row><cell>2025</cell><cell>1,980</cell></row></rows></table>");
    EXPECT_EQ(out, "Year   Rent\n----  -----\n2015    620\n2025  1,980\n");
}

TEST(TextLayout, WideTablesWrapCellsToFit)
{
    std::string out = render(
        "<table><head><row><cell>Name</cell><cell>Description</cell></row></head><rows><row><cell>A</cell>"
        "<cell>a rather long description that cannot fit on one line of forty columns</cell></row></rows></table>");
    std::size_t start = 0;
    while (start < out.size()) {
        std::size_t end = out.find('\n', start);
        EXPECT_LE(display_width(std::string_view(out).substr(start, end - start)), 40) << out;
        start = end + 1;
    }
}

TEST(TextLayout, ImagesShowTheirAltText)
{
    std::string out = render("<figure><image src=\"images/x.png\" alt=\"A chart\"/><caption>Rents</caption></figure>");
    EXPECT_EQ(out, "[Image: A chart]\nRents\n");
}

TEST(TextLayout, FixtureArticleHasTitleUnderlinedToItsWidth)
{
    Diagnostics diagnostics;
    pugi::xml_document doc;
    import_file(std::filesystem::path(MIMEO_SOURCE_DIR) / "fixtures/articles/05-non-latin.md", "", FormatOptions(), doc,
                   diagnostics);
    Layout out(72);
    write_article(out, model::article_of(doc));
    const auto& lines = out.lines();
    ASSERT_GE(lines.size(), 3u);
    EXPECT_EQ(lines[0].text, "港湾労働者、賃上げを要求");
    EXPECT_EQ(lines[1].text, std::string(24, '='));  // 12 wide characters
    for (const auto& line : lines) EXPECT_LE(display_width(line.text), 72) << line.text;
}

TEST(TextLayout, EmptyListItemsKeepTheirMarker)
{
    EXPECT_EQ(render("<list kind=\"ordered\" tight=\"true\"><item/><item><p>b</p></item></list>"), "1.\n2. b\n");
}
