#include <gtest/gtest.h>

#include "model/model.hpp"
#include "model/provenance.hpp"
#include "model/validate.hpp"

using namespace mimeo;

TEST(Model, NewArticleNeedsTitleAndSlugToValidate)
{
    pugi::xml_document doc;
    pugi::xml_node article = model::new_article(doc);
    EXPECT_FALSE(model::validate_document(doc, "new.xml").empty());
    model::meta_field(article, "slug").text().set("a-b");
    model::meta_field(article, "title").text().set("A b");
    EXPECT_TRUE(model::validate_document(doc, "new.xml").empty());
    // meta_field keeps the schema's order whatever order the fields are set in.
    EXPECT_STREQ(model::meta(article).first_child().name(), "title");
}

TEST(Model, SlugifyKeepsLettersOfAnyScript)
{
    EXPECT_EQ(model::slugify("Artificial Intelligence: Millions!"), "artificial-intelligence-millions");
    EXPECT_EQ(model::slugify("Война и мир"), "война-и-мир");
    EXPECT_EQ(model::slugify("  --  "), "");
}

// An 80-character Japanese title made a 240-byte slug, and "File name too long" ended the run.
TEST(Model, LongSlugsFitAFileNameAndStayUnique)
{
    std::string title;
    for (int i = 0; i < 80; ++i) title += "港";
    const std::string a = model::slugify(title + "湾");
    const std::string b = model::slugify(title + "町");
    EXPECT_LE(a.size(), model::max_slug_bytes);
    EXPECT_LE(a.size() + std::string(".xhtml").size() + std::string(".mimeo-4194304-0123456789abcdef.tmp").size() + 1, 255u);
    EXPECT_NE(a, b);
    EXPECT_EQ(a.substr(0, 3 * 56), b.substr(0, 3 * 56));  // cut at a character: whole code points
    EXPECT_EQ(a.rfind("港", 0), 0u);
    EXPECT_EQ(model::slugify(a), a);  // a cut slug is a valid front-matter slug
    EXPECT_EQ(model::slugify("short title"), "short-title");
}

TEST(Model, SchemaErrorsCarryLineNumbers)
{
    auto problems = model::validate_xml(
        "<article xmlns=\"urn:mimeo:article:1\">\n<meta>\n<slug>x</slug>\n</meta>\n<body/>\n</article>\n", "bad.xml");
    ASSERT_FALSE(problems.empty());
    EXPECT_EQ(problems.front().where.file, "bad.xml");
    EXPECT_GT(problems.front().where.line, 0);
}

TEST(Provenance, TranslationNoteNamesIssueDateAndLanguage)
{
    pugi::xml_document doc;
    pugi::xml_node article = model::new_article(doc);
    model::meta_field(article, "language").text().set("en");
    pugi::xml_node source = model::meta_field(article, "source");
    source.append_child("publication").text().set("Lutte Ouvrière");
    source.append_child("issue").text().set("2951");
    source.append_child("date").text().set("2025-02-21");
    source.append_child("language").text().set("fr");
    auto note = model::provenance_note(article);
    ASSERT_TRUE(note);
    EXPECT_EQ(note->text(), "Translated from the February 21, 2025, issue #2951 of Lutte Ouvrière (French).");
}

TEST(Model, SerializingNeverChangesTheTextOfMixedContent)
{
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string("<article xmlns=\"urn:mimeo:article:1\"><meta><title>T</title><slug>t</slug></meta>"
                                "<body><p>a <em><underline>x</underline></em>, <strong><em>y</em></strong></p>"
                                "<list kind=\"bullet\"><item><p>i</p></item></list></body></article>"));
    const std::string xml = model::to_xml(doc);
    pugi::xml_document again;
    ASSERT_TRUE(again.load_string(xml.c_str()));
    EXPECT_EQ(model::text_of(model::body(model::article_of(again)).child("p")), "a x, y");
    // Block structure is still indented for people reading it.
    EXPECT_NE(xml.find("\n    <list kind=\"bullet\">\n      <item>"), std::string::npos);
    EXPECT_TRUE(model::validate_xml(xml, "round-trip.xml").empty());
}
