#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "jats/jats_format.hpp"
#include "model/model.hpp"
#include "model/validate.hpp"
#include "registry/formats.hpp"
#include "registry/import_article.hpp"

using namespace mimeo;
namespace fs = std::filesystem;

namespace {

class JatsImport : public ::testing::Test {
protected:
    void SetUp() override
    {
        folder_ = fs::temp_directory_path() / ("mimeo-jats-import-" + std::to_string(::getpid()));
        fs::create_directories(folder_);
        diagnostics_.echo_to(nullptr);
    }
    void TearDown() override { fs::remove_all(folder_); }

    fs::path file(const std::string& name, const std::string& text)
    {
        fs::path path = folder_ / name;
        std::ofstream(path) << text;
        return path;
    }

    pugi::xml_node import(const std::string& text)
    {
        import_file(file("in.xml", text), "jats", FormatOptions{}, doc_, diagnostics_);
        for (const auto& problem : model::validate_document(doc_, "in.xml")) ADD_FAILURE() << problem.message;
        return model::article_of(doc_);
    }

    bool warned(const std::string& code) const
    {
        for (const auto& d : diagnostics_.all())
            if (d.code == code) return true;
        return false;
    }

    fs::path folder_;
    pugi::xml_document doc_;
    Diagnostics diagnostics_;
};

const char* doctype =
    "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2 20190208//EN\" "
    "\"JATS-journalpublishing1.dtd\">\n";

}  // namespace

TEST_F(JatsImport, RecognizesJatsButNotCanonicalXml)
{
    EXPECT_TRUE(jats::looks_like_jats(std::string(doctype) + "<article dtd-version=\"1.2\">"));
    EXPECT_TRUE(jats::looks_like_jats("<article article-type=\"news\"><front>"));
    EXPECT_FALSE(jats::looks_like_jats("<article xmlns=\"urn:mimeo:article:1\"><meta>"));
    EXPECT_FALSE(jats::looks_like_jats("<rss version=\"2.0\">"));
    // The registry keeps canonical XML first: both share .xml.
    fs::path canonical = file("c.xml", "<article xmlns=\"urn:mimeo:article:1\"><meta><title>T</title><slug>t</slug></meta><body/></article>");
    fs::path jats = file("j.xml", std::string(doctype) + "<article><front><article-meta/></front></article>");
    ASSERT_TRUE(importer_for_path(canonical));
    ASSERT_TRUE(importer_for_path(jats));
    EXPECT_EQ(importer_for_path(canonical)->name, "xml");
    EXPECT_EQ(importer_for_path(jats)->name, "jats");
}

TEST_F(JatsImport, ForeignJatsMapsToTheModel)
{
    pugi::xml_node article = import(std::string(doctype) + R"(<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="other" xml:lang="en">
<front><article-meta>
  <article-id pub-id-type="publisher-id">Some ID/42</article-id>
  <title-group><article-title>A &mdash; title</article-title></title-group>
  <contrib-group>
    <contrib contrib-type="author"><name><surname>Doe</surname><given-names>Jane</given-names></name></contrib>
    <contrib contrib-type="reviewer"><name><surname>Roe</surname></name></contrib>
  </contrib-group>
  <pub-date pub-type="epub"><day>3</day><month>7</month><year>2020</year></pub-date>
  <abstract><sec><title>Background</title><p>First.</p></sec><sec><p>Second.</p></sec></abstract>
</article-meta></front>
<body>
  <p>Intro<fn id="inline1"><p>An inline note.</p></fn> and <xref ref-type="bibr" rid="r1">[1]</xref>.
    <list list-type="simple"><list-item><p>in a paragraph</p></list-item></list> after the list.</p>
  <sec><title>One</title><sec><title>Two</title><p>Deep <unknown-thing>kept</unknown-thing>.</p></sec></sec>
  <boxed-text><caption><title>Box</title></caption><p>Boxed.</p></boxed-text>
</body>
<back><ref-list><ref id="r1"><mixed-citation>Doe J. A book. 2019.</mixed-citation></ref></ref-list></back>
</article>)");
    pugi::xml_node meta = model::meta(article);
    EXPECT_EQ(model::title(article), "A \u2014 title");
    EXPECT_EQ(model::contributors(article, "author"), std::vector<std::string>{"Jane Doe"});
    EXPECT_TRUE(warned("jats-skip"));  // the reviewer
    EXPECT_STREQ(meta.child("date").text().get(), "2020-07-03");
    EXPECT_STREQ(meta.child("slug").text().get(), "some-id-42");
    EXPECT_FALSE(meta.child("type"));  // "other" is the default, not a type
    // A structured abstract is kept whole; the summary is its first paragraph.
    EXPECT_EQ(model::text_of(meta.child("summary")), "First.");
    EXPECT_EQ(meta.select_nodes("abstract/section").size(), 1u);  // the untitled <sec> adds no level
    EXPECT_EQ(model::text_of(meta.child("abstract")), "BackgroundFirst.Second.");

    pugi::xml_node body = model::body(article);
    EXPECT_EQ(body.select_nodes("p").size(), 4u);  // intro, after the list, "Box", "Boxed."
    EXPECT_TRUE(body.select_node("p/note-ref[@note='inline1']"));
    EXPECT_TRUE(model::find_note(article, "inline1"));
    pugi::xml_node xref = body.select_node("p/xref").node();
    EXPECT_STREQ(xref.attribute("target").value(), "r1");
    EXPECT_STREQ(xref.attribute("kind").value(), "reference");
    EXPECT_EQ(model::text_of(xref), "[1]");
    EXPECT_TRUE(body.select_node("list[@kind='bullet']"));
    EXPECT_STREQ(body.select_node("section[@level='1']/section").node().attribute("level").value(), "2");
    EXPECT_TRUE(warned("jats-unknown"));
    // The references are the model's, after the notes, each with its id.
    pugi::xml_node reference = article.child("references").child("reference");
    ASSERT_TRUE(reference);
    EXPECT_STREQ(reference.attribute("id").value(), "r1");
    EXPECT_EQ(model::text_of(reference.child("citation")), "Doe J. A book. 2019.");
    EXPECT_FALSE(article.child("references").next_sibling());
}

TEST_F(JatsImport, ExternalEntitiesAreNeverRead)
{
    fs::path secret = file("secret.txt", "TOP-SECRET");
    pugi::xml_node article = import("<!DOCTYPE article [<!ENTITY leak SYSTEM \"" + secret.string() +
                                    "\">]>\n<article><front><article-meta><title-group><article-title>T &leak; "
                                    "</article-title></title-group></article-meta></front><body/></article>");
    EXPECT_EQ(model::to_xml(doc_).find("TOP-SECRET"), std::string::npos);
    EXPECT_TRUE(warned("jats-entity"));
    EXPECT_EQ(model::title(article), "T &leak; ");
}

TEST_F(JatsImport, EntityBombsAreRefused)
{
    std::string bomb = "<!DOCTYPE article [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaa\">";
    std::string previous = "a";
    for (char name = 'b'; name <= 'k'; ++name) {
        bomb += std::string("<!ENTITY ") + name + " \"";
        for (int i = 0; i < 10; ++i) bomb += "&" + previous + ";";
        bomb += "\">";
        previous = std::string(1, name);
    }
    bomb += "]>\n<article><body><p>&k;</p></body></article>";
    EXPECT_THROW(import(bomb), Error);
}

TEST_F(JatsImport, MalformedXmlNamesTheLine)
{
    try {
        import("<article>\n<front>\n<article-meta></front>\n</article>");
        FAIL() << "no error";
    } catch (const Error& error) {
        EXPECT_EQ(error.diagnostic().code, "xml");
        EXPECT_EQ(error.diagnostic().where.line, 3);
    }
}

TEST_F(JatsImport, DeepNestingIsAnErrorNotACrash)
{
    std::string deep = "<article><body><p>";
    for (int i = 0; i < 20000; ++i) deep += "<italic>";
    deep += "x";
    for (int i = 0; i < 20000; ++i) deep += "</italic>";
    deep += "</p></body></article>";
    EXPECT_THROW(import(deep), Error);
}
