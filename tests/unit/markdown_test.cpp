#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "model/model.hpp"
#include "model/validate.hpp"
#include "registry/import_article.hpp"

using namespace mimeo;
namespace fs = std::filesystem;

namespace {

const fs::path fixtures = fs::path(MIMEO_SOURCE_DIR) / "fixtures" / "articles";

pugi::xml_node import(const fs::path& path, pugi::xml_document& doc, Diagnostics& diagnostics,
                      FormatOptions options = {})
{
    diagnostics.echo_to(nullptr);
    import_file(path, "", options, doc, diagnostics);
    return model::article_of(doc);
}

fs::path write_temp(const std::string& name, const std::string& text)
{
    fs::path path = fs::temp_directory_path() / ("mimeo-markdown-test-" + name);
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST(MarkdownFixtures, EveryFixtureValidatesInProcess)
{
    int count = 0;
    for (const auto& entry : fs::directory_iterator(fixtures)) {
        if (entry.path().extension() != ".md") continue;
        pugi::xml_document doc;
        Diagnostics diagnostics;
        import(entry.path(), doc, diagnostics);
        EXPECT_TRUE(model::validate_document(doc, entry.path().string()).empty()) << entry.path();
        EXPECT_EQ(diagnostics.warning_count(), 0u) << entry.path();
        ++count;
    }
    EXPECT_GE(count, 5);
}

TEST(MarkdownFixtures, TranslationKeepsFullProvenance)
{
    pugi::xml_document doc;
    Diagnostics diagnostics;
    pugi::xml_node article = import(fixtures / "01-hidden-workforce.md", doc, diagnostics);
    pugi::xml_node source = model::meta(article).child("source");
    EXPECT_EQ(std::string(source.child("publication").text().get()), "Travailleurs Unis");
    EXPECT_EQ(std::string(source.child("issue").text().get()), "1187");
    EXPECT_EQ(std::string(source.child("date").text().get()), "2025-02-28");
    EXPECT_EQ(std::string(source.child("language").text().get()), "fr");
    EXPECT_EQ(model::contributors(article, "translator"), std::vector<std::string>{"Mara Ellison"});
    EXPECT_EQ(model::slug(article), "hidden-workforce");
    // Smart punctuation is on by default.
    std::string first = model::text_of(model::body(article).child("p"));
    EXPECT_NE(first.find("\u201Cintelligent\u201D"), std::string::npos);
    EXPECT_NE(first.find("\u2013"), std::string::npos);
    EXPECT_NE(first.find("\u2026"), std::string::npos);
    // A closing "--- name" paragraph in a quote becomes its attribution.
    pugi::xml_node attribution = model::body(article).find_node([](pugi::xml_node n) { return std::string_view(n.name()) == "attribution"; });
    EXPECT_EQ(model::text_of(attribution), "A business website, on the annotation trade");
}

TEST(MarkdownFixtures, SmartPunctuationCanBeTurnedOff)
{
    pugi::xml_document doc;
    Diagnostics diagnostics;
    FormatOptions options;
    options.set("smart", "false");
    pugi::xml_node article = import(fixtures / "01-hidden-workforce.md", doc, diagnostics, options);
    std::string first = model::text_of(model::body(article).child("p"));
    EXPECT_NE(first.find("\"intelligent\""), std::string::npos);
    EXPECT_NE(first.find("--"), std::string::npos);
}

// The model's smart punctuation, not cmark's: a quote is opened or closed by what stands
// before it across inline markup, so an apostrophe after a code span closes.
TEST(MarkdownSmart, QuotesReadAcrossInlineMarkup)
{
    pugi::xml_document doc;
    Diagnostics diagnostics;
    const fs::path path = write_temp("smart.md", "---\ntitle: T\n---\n\nThe `mimeo`'s flag, \"quoted *emph*,\" "
                                                 "it's -- a dash --- and... '90s. `a \"code\" span`\n");
    pugi::xml_node p = model::body(import(path, doc, diagnostics)).child("p");
    EXPECT_EQ(model::text_of(p), "The mimeo\u2019s flag, \u201Cquoted emph,\u201D it\u2019s \u2013 a dash \u2014 and\u2026 "
                                 "\u201990s. a \"code\" span");
    fs::remove(path);
}

TEST(MarkdownFixtures, FootnotesAreKeptApartFromTheirReferences)
{
    pugi::xml_document doc;
    Diagnostics diagnostics;
    pugi::xml_node article = import(fixtures / "02-notes-and-links.md", doc, diagnostics);
    auto notes = model::notes(article).children("note");
    EXPECT_EQ(std::distance(notes.begin(), notes.end()), 3);
    pugi::xml_node ref = model::body(article).find_node([](pugi::xml_node n) { return std::string_view(n.name()) == "note-ref"; });
    ASSERT_TRUE(ref);
    pugi::xml_node note = model::find_note(article, ref.attribute("note").value());
    EXPECT_NE(model::text_of(note).find("212 pages"), std::string::npos);
    pugi::xml_node link = model::body(article).find_node([](pugi::xml_node n) { return std::string_view(n.name()) == "link"; });
    EXPECT_STREQ(link.attribute("href").value(), "https://port.example.gov/report-2024.pdf");
    EXPECT_STREQ(link.attribute("title").value(), "Annual Report 2024");
}

TEST(MarkdownFixtures, TableAndFigure)
{
    pugi::xml_document doc;
    Diagnostics diagnostics;
    pugi::xml_node article = import(fixtures / "03-table-and-figure.md", doc, diagnostics);
    pugi::xml_node table = model::body(article).child("table");
    ASSERT_TRUE(table);
    EXPECT_STREQ(table.child("column").next_sibling("column").attribute("align").value(), "right");
    EXPECT_EQ(model::text_of(table.child("head").child("row").child("cell")), "Year");
    auto rows = table.child("rows").children("row");
    EXPECT_EQ(std::distance(rows.begin(), rows.end()), 3);
    pugi::xml_node figure = model::body(article).child("figure");
    EXPECT_STREQ(figure.child("image").attribute("src").value(), "images/rent-share.png");
    EXPECT_EQ(model::text_of(figure.child("caption")), "Rent as a share of the median wage, 2015 to 2025");
    EXPECT_TRUE(fs::exists(fs::path(article.attribute("base").value()) / "images/rent-share.png"));
}

TEST(MarkdownFixtures, NestedListsAndQuotes)
{
    pugi::xml_document doc;
    Diagnostics diagnostics;
    pugi::xml_node article = import(fixtures / "04-lists-and-quotes.md", doc, diagnostics);
    pugi::xml_node ordered = model::body(article).child("list");
    EXPECT_STREQ(ordered.attribute("kind").value(), "ordered");
    EXPECT_STREQ(ordered.child("item").child("list").attribute("kind").value(), "bullet");
    pugi::xml_node quote = model::body(article).child("quote");
    EXPECT_TRUE(quote.child("quote"));
    EXPECT_TRUE(quote.child("attribution"));
    pugi::xml_node tasks = model::body(article).last_child();
    EXPECT_STREQ(tasks.child("item").attribute("checked").value(), "true");
}

TEST(MarkdownFixtures, NonLatinSlugAndSections)
{
    pugi::xml_document doc;
    Diagnostics diagnostics;
    pugi::xml_node article = import(fixtures / "05-non-latin.md", doc, diagnostics);
    EXPECT_EQ(model::language(article), "ja");
    pugi::xml_node section = model::body(article).child("section");
    EXPECT_STREQ(section.attribute("id").value(), "要求の内容");
}

TEST(Markdown, HeadingsNestIntoSectionsByLevel)
{
    auto path = write_temp("sections.md", "# A\n\ntext\n\n## B\n\nmore\n\n# C\n");
    pugi::xml_document doc;
    Diagnostics diagnostics;
    pugi::xml_node body = model::body(import(path, doc, diagnostics));
    pugi::xml_node a = body.child("section");
    EXPECT_STREQ(a.attribute("level").value(), "1");
    EXPECT_STREQ(a.child("section").attribute("id").value(), "b");
    EXPECT_STREQ(a.next_sibling("section").attribute("id").value(), "c");
    // No title given: the file name stands in, with a warning.
    EXPECT_EQ(diagnostics.warning_count(), 1u);
}

TEST(Markdown, RawHtmlIsKeptAsRawContent)
{
    auto path = write_temp("raw.md", "---\ntitle: Raw\n---\n\n<div class=\"box\">kept</div>\n\nText <span>inline</span>.\n");
    pugi::xml_document doc;
    Diagnostics diagnostics;
    pugi::xml_node body = model::body(import(path, doc, diagnostics));
    EXPECT_STREQ(body.child("raw").attribute("format").value(), "html");
    EXPECT_NE(std::string(body.child("raw").text().get()).find("kept"), std::string::npos);
    EXPECT_STREQ(body.child("p").child("raw").text().get(), "<span>");
}

TEST(Markdown, ControlCharactersBecomeReplacementCharacters)
{
    auto path = write_temp("nul.md", std::string("---\ntitle: Nul\n---\n\na\0b\x01", 24));
    pugi::xml_document doc;
    Diagnostics diagnostics;
    pugi::xml_node body = model::body(import(path, doc, diagnostics));
    EXPECT_EQ(model::text_of(body.child("p")), "a\uFFFDb\uFFFD");
    EXPECT_EQ(diagnostics.warning_count(), 1u);
}

// The first of two `title:` keys used to win without a word.
TEST(Markdown, ADuplicateFrontMatterKeyIsAnErrorNamingBothLines)
{
    auto path = write_temp("dup.md", "---\ntitle: First\nsource:\n  title: A\n  lang: fr\n  title: B\n---\nText.\n");
    pugi::xml_document doc;
    Diagnostics diagnostics;
    try {
        import(path, doc, diagnostics);
        ADD_FAILURE() << "a duplicate key was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostic().code, "duplicate-key");
        EXPECT_EQ(e.diagnostic().where.line, 6);
        EXPECT_NE(e.diagnostic().message.find("'source.title' is given twice: first at line 4, again at line 6"),
                  std::string::npos)
            << e.diagnostic().message;
    }
}
