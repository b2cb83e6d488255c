#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

#include "jats/dtd.hpp"
#include "jats/jats_format.hpp"
#include "jats/vocabulary.hpp"
#include "jats/write_article.hpp"
#include "jats/write_front.hpp"
#include "model/model.hpp"
#include "model/validate.hpp"
#include "registry/import_article.hpp"

using namespace mimeo;
namespace fs = std::filesystem;

namespace {

// A canonical article that uses every element of schemas/article.rng, in the places
// where JATS is strictest (blocks in items, notes, cells and quotes; sections after blocks).
inline constexpr const char* jats_test_article = R"(<?xml version="1.0"?>
<article xmlns="urn:mimeo:article:1">
  <meta>
    <title>All <em>the</em> things<note-ref note="n1"/></title>
    <subtitle>A <strong>sub</strong>title<line-break/>in two lines</subtitle>
    <contributor role="author">Ann Author</contributor>
    <contributor role="translator">Tom Translator</contributor>
    <contributor role="editor">Ed Editor</contributor>
    <date>2025-03</date>
    <language>en</language>
    <slug>all-the-things</slug>
    <url>https://example.org/all</url>
    <doi>10.1234/all.5</doi>
    <type>research-article</type>
    <tag>one</tag>
    <tag>two</tag>
    <summary>Short <em>summary</em> text.</summary>
    <license url="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</license>
    <copyright>© 2025 Ann Author</copyright>
    <source>
      <title>Toutes les <em>choses</em></title>
      <publication>Le Journal</publication>
      <issue>12</issue>
      <date>2024-12-01</date>
      <language>fr</language>
      <url>https://example.fr/toutes</url>
    </source>
  </meta>
  <body>
    <epigraph>
      <p>Words before it all.</p>
      <attribution>Someone <em>famous</em></attribution>
    </epigraph>
    <p>Text with <em>em</em>, <strong>strong</strong>, <strike>strike</strike>, <underline>under</underline>, x<sup>2</sup>, H<sub>2</sub>O, <smallcaps>Caps</smallcaps>, <code>a &lt; b</code>, <math display="inline">x^2</math>, <q>quoted <em>words</em></q>, <span lang="de">Wort</span>, <span>plain span</span>, <link href="https://example.org/a?b=1&amp;c=2" title="A title">a <em>link</em></link>, <anchor id="here"/>an anchor, a break<line-break/>here, <image src="https://example.org/icon.png" alt="icon" title="Icon"/>, a note<note-ref note="n2"/> and an endnote<note-ref note="e1"/>, <raw format="html">&lt;b&gt;?&gt; &amp;amp;&lt;/b&gt;</raw>.</p>
    <p>Display math: <math display="block">\int_0^1 f</math></p>
    <break/>
    <raw format="html">&lt;div class="x"&gt;raw block&lt;/div&gt;</raw>
    <list kind="ordered" start="3" tight="true">
      <item checked="true">
        <p>Third, with a code block:</p>
        <code-block language="python">print("x")
  indented</code-block>
      </item>
      <item checked="false">
        <quote>
          <p>A quote in an item.</p>
          <attribution>Q. Author</attribution>
        </quote>
      </item>
      <item/>
      <item>
        <section level="4" id="boxed">
          <heading>A section inside an item</heading>
          <p>Boxed text.</p>
        </section>
      </item>
    </list>
    <list kind="bullet" tight="false">
      <item>
        <p>Loose</p>
        <list kind="bullet">
          <item>
            <p>nested</p>
          </item>
        </list>
      </item>
    </list>
    <deflist>
      <term>Term <em>one</em><line-break/>broken</term>
      <definition>
        <p>First definition.</p>
        <list kind="bullet">
          <item>
            <p>a list in a definition</p>
          </item>
        </list>
      </definition>
      <definition>
        <code-block>code in a definition</code-block>
      </definition>
      <term>Term two</term>
      <definition/>
    </deflist>
    <quote>
      <p>Outer quote.</p>
      <quote>
        <p>Inner quote.</p>
      </quote>
      <figure>
        <image src="images/pic.png" alt="A picture"/>
      </figure>
      <section level="3">
        <heading>Section in a quote</heading>
      </section>
      <attribution>A <strong>speaker</strong></attribution>
    </quote>
    <quote/>
    <table id="t1">
      <caption>The <em>table</em></caption>
      <column align="left"/>
      <column align="right"/>
      <column/>
      <head>
        <row>
          <cell>Name</cell>
          <cell align="center" colspan="2">Values<line-break/>(two)</cell>
        </row>
      </head>
      <rows>
        <row>
          <cell rowspan="2"><em>a</em></cell>
          <cell align="right">1</cell>
          <cell>
            <p>Blocks in a cell.</p>
            <figure id="f-in-cell">
              <image src="images/pic.png"/>
              <caption>in a cell</caption>
            </figure>
            <table>
              <rows>
                <row>
                  <cell>inner</cell>
                </row>
              </rows>
            </table>
            <code-block>cell code</code-block>
          </cell>
        </row>
        <row>
          <cell>2</cell>
          <cell><raw format="html">&lt;i&gt;x&lt;/i&gt;</raw></cell>
        </row>
      </rows>
    </table>
    <figure id="f1">
      <image src="images/pic.png" alt="Alt text" title="Pic title"/>
      <caption>A <em>figure</em> caption</caption>
    </figure>
    <code-block>plain code &amp; more</code-block>
    <section level="1" id="first" number="1">
      <heading>First <em>section</em><note-ref note="n1"/></heading>
      <p>In the first section.</p>
      <section level="2" id="first-sub">
        <heading>Subsection</heading>
        <p>Deeper.</p>
      </section>
      <p>Back in the first section, after its subsection.</p>
    </section>
    <p>Back in the body, after a section.</p>
    <section level="1">
      <heading/>
      <p>Under an empty heading.</p>
    </section>
  </body>
  <notes>
    <note id="n1" kind="footnote">
      <p>A footnote.</p>
      <list kind="bullet">
        <item>
          <p>with a list</p>
        </item>
      </list>
      <raw format="html">&lt;hr/&gt;</raw>
    </note>
    <note id="n2" kind="footnote"/>
    <note id="e1" kind="endnote">
      <quote>
        <p>An endnote with a quote.</p>
      </quote>
    </note>
  </notes>
</article>
)";

fs::path catalog() { return fs::path(MIMEO_SOURCE_DIR) / "node_modules/@jats4r/dtds/schema/catalog.xml"; }

struct Written {
    pugi::xml_document issue_doc;
    std::string xml;
};

// The test article in an issue with a publication, written as JATS.
void write(Written& out, const char* article_xml, bool with_publication = true)
{
    pugi::xml_node issue = model::new_issue(out.issue_doc);
    if (with_publication) {
        pugi::xml_node publication = model::issue_field(issue, "publication");
        publication.append_child("title").text().set("The Journal");
        publication.append_child("publisher").text().set("The Press");
        publication.append_child("language").text().set("en");
        publication.append_child("issn").text().set("1234-5679");
        model::issue_field(issue, "number").text().set("7");
        model::issue_field(issue, "volume").text().set("2");
        model::issue_field(issue, "date").text().set("2025-03-15");
    }
    pugi::xml_document source;
    ASSERT_TRUE(source.load_string(article_xml));
    issue.child("articles").append_copy(source.document_element());
    Diagnostics diagnostics;
    diagnostics.echo_to(nullptr);
    jats::BodyWriter writer{diagnostics, {"test.xml", 0, 0}, [](const std::string& src) { return src; }, {}, 0, {}};
    out.xml = jats::write_article(issue, model::articles(issue).front(), "other", writer);
}

std::string first_text(const pugi::xml_document& doc, const char* xpath)
{
    return doc.select_node(xpath).node().text().get();
}

}  // namespace

TEST(JatsExport, EveryModelElementIsValidAgainstTheArchivingDtd)
{
    ASSERT_TRUE(fs::exists(catalog())) << "run scripts/setup: the @jats4r/dtds npm package is missing";
    pugi::xml_document canonical;
    ASSERT_TRUE(canonical.load_string(jats_test_article));
    ASSERT_TRUE(model::validate_document(canonical, "test-article.xml").empty());

    Written written;
    write(written, jats_test_article);
    for (const auto& problem : jats::validate_archiving(written.xml, "out.xml", catalog()))
        ADD_FAILURE() << problem.where.line << ": " << problem.message;
    // The same file through its own DOCTYPE, as `mimeo check` and xmllint --valid read it.
    for (const auto& problem : jats::validate_as_declared(written.xml, "out.xml", catalog()))
        ADD_FAILURE() << problem.where.line << ": " << problem.message;
}

TEST(JatsExport, DoctypeAndRoot)
{
    Written written;
    write(written, jats_test_article);
    EXPECT_EQ(written.xml.find(std::string("<!DOCTYPE article PUBLIC \"") + jats::public_id + "\""),
              written.xml.find("<!DOCTYPE"));
    EXPECT_NE(written.xml.find("JATS-archivearticle1-3-mathml3.dtd"), std::string::npos);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(written.xml.c_str()));
    EXPECT_STREQ(doc.child("article").attribute("dtd-version").value(), "1.3");
    EXPECT_STREQ(doc.child("article").attribute("article-type").value(), "research-article");
    EXPECT_STREQ(doc.child("article").attribute("xml:lang").value(), "en");
}

TEST(JatsExport, FrontMatterCarriesEveryField)
{
    Written written;
    write(written, jats_test_article);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(written.xml.c_str()));
    EXPECT_EQ(first_text(doc, "//journal-meta/journal-title-group/journal-title"), "The Journal");
    EXPECT_EQ(first_text(doc, "//journal-meta/issn"), "1234-5679");
    EXPECT_EQ(first_text(doc, "//journal-meta/publisher/publisher-name"), "The Press");
    EXPECT_EQ(first_text(doc, "//article-meta/article-id[@pub-id-type='publisher-id']"), "all-the-things");
    EXPECT_EQ(first_text(doc, "//article-meta/article-id[@pub-id-type='doi']"), "10.1234/all.5");
    EXPECT_EQ(first_text(doc, "//title-group/trans-title-group[@xml:lang='fr']/trans-title"), "Toutes les ");
    EXPECT_EQ(first_text(doc, "//contrib[@contrib-type='author']/string-name"), "Ann Author");
    EXPECT_EQ(first_text(doc, "//contrib[@contrib-type='translator']/string-name"), "Tom Translator");
    EXPECT_EQ(first_text(doc, "//contrib[@contrib-type='editor']/string-name"), "Ed Editor");
    pugi::xml_node pub = doc.select_node("//pub-date[@date-type='pub']").node();
    EXPECT_STREQ(pub.attribute("iso-8601-date").value(), "2025-03");
    EXPECT_STREQ(pub.child("month").text().get(), "03");
    EXPECT_STREQ(pub.child("year").text().get(), "2025");
    EXPECT_FALSE(pub.child("day"));
    EXPECT_EQ(first_text(doc, "//pub-date[@date-type='collection']/day"), "15");
    EXPECT_EQ(first_text(doc, "//article-meta/volume"), "2");
    EXPECT_EQ(first_text(doc, "//article-meta/issue"), "7");
    EXPECT_EQ(first_text(doc, "//permissions/copyright-statement"), "© 2025 Ann Author");
    EXPECT_STREQ(doc.select_node("//permissions/license").node().attribute("xlink:href").value(),
                 "https://creativecommons.org/licenses/by/4.0/");
    EXPECT_EQ(first_text(doc, "//permissions/license/license-p"), "CC BY 4.0");
    EXPECT_EQ(first_text(doc, "//abstract/p"), "Short ");
    EXPECT_EQ(doc.select_nodes("//kwd-group/kwd").size(), 2u);
    EXPECT_STREQ(doc.select_node("//article-meta/self-uri").node().attribute("xlink:href").value(), "https://example.org/all");

    pugi::xml_node related = doc.select_node("//related-article").node();
    EXPECT_STREQ(related.attribute("related-article-type").value(), jats::translated_from);
    EXPECT_STREQ(related.attribute("xlink:href").value(), "https://example.fr/toutes");
    EXPECT_STREQ(related.attribute("xml:lang").value(), "fr");
    EXPECT_STREQ(related.child("source").text().get(), "Le Journal");
    EXPECT_STREQ(related.child("issue").text().get(), "12");
    EXPECT_STREQ(related.child("date").attribute("iso-8601-date").value(), "2024-12-01");
    EXPECT_EQ(first_text(doc, "//custom-meta[meta-name='source-language']/meta-value"), "fr");
    EXPECT_NE(first_text(doc, "//back/notes[@notes-type='translation-provenance']/p").find("Translated from"),
              std::string::npos);
}

TEST(JatsExport, BodyMapping)
{
    Written written;
    write(written, jats_test_article);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(written.xml.c_str()));
    pugi::xml_node sec = doc.select_node("//body/sec[@id='first']").node();
    // The nesting is the structure (JATS4R): no disp-level.
    EXPECT_FALSE(doc.select_node("//sec[@disp-level]"));
    EXPECT_STREQ(sec.child("label").text().get(), "1");
    EXPECT_STREQ(sec.child("sec").attribute("id").value(), "first-sub");
    // The paragraph after the subsection moves into an untitled <sec>, after it.
    EXPECT_FALSE(sec.child("sec").next_sibling("sec").child("title"));
    pugi::xml_node list = doc.select_node("//list[@list-type='order']").node();
    EXPECT_STREQ(list.attribute("specific-use").value(), "tight");
    EXPECT_STREQ(list.child("list-item").child("label").text().get(), "3.");
    EXPECT_STREQ(list.child("list-item").attribute("specific-use").value(), "checked");
    EXPECT_TRUE(doc.select_node("//list[@list-type='bullet']"));
    EXPECT_TRUE(doc.select_node("//disp-quote[@content-type='epigraph']/attrib/italic"));
    EXPECT_TRUE(doc.select_node("//def-list/def-item/term"));
    pugi::xml_node wrap = doc.select_node("//body/table-wrap[@id='t1']").node();
    EXPECT_TRUE(wrap.select_node("caption/p/italic"));
    EXPECT_STREQ(wrap.select_node("table/thead/tr/th[2]").node().attribute("colspan").value(), "2");
    EXPECT_STREQ(wrap.select_node("table/col[2]").node().attribute("align").value(), "right");
    EXPECT_STREQ(wrap.select_node("table/tbody/tr/td").node().attribute("rowspan").value(), "2");
    pugi::xml_node graphic = doc.select_node("//fig[@id='f1']/graphic").node();
    EXPECT_STREQ(graphic.attribute("xlink:href").value(), "images/pic.png");
    EXPECT_STREQ(graphic.child("alt-text").text().get(), "Alt text");
    EXPECT_TRUE(doc.select_node("//preformat[@preformat-type='code' and @specific-use='python']"));
    for (const char* inline_name : {"italic", "bold", "strike", "underline", "sup", "sub", "sc", "monospace",
                                    "inline-formula", "disp-formula", "inline-graphic", "target", "break"})
        EXPECT_TRUE(doc.select_node((std::string("//body//") + inline_name).c_str())) << inline_name;
    EXPECT_STREQ(doc.select_node("//ext-link").node().attribute("xlink:href").value(), "https://example.org/a?b=1&c=2");
    EXPECT_TRUE(doc.select_node("//xref[@ref-type='fn' and @rid='n2']"));
    EXPECT_TRUE(doc.select_node("//back/fn-group[@content-type='footnotes']/fn[@id='n1']"));
    EXPECT_TRUE(doc.select_node("//back/fn-group[@content-type='endnotes']/fn[@id='e1']"));
    EXPECT_TRUE(doc.select_node("//p[@content-type='thematic-break']"));
}

TEST(JatsExport, MissingMetadataNamesTheFields)
{
    pugi::xml_document doc;
    pugi::xml_node issue = model::new_issue(doc);
    pugi::xml_node article = issue.child("articles").append_child("article");
    article.append_child("meta").append_child("title").text().set("T");
    article.append_child("body");
    const std::vector<std::string> expected = {"journal title", "publication date", "language"};
    EXPECT_EQ(jats::missing_metadata(issue, article), expected);
    model::issue_field(issue, "date").text().set("2025-01-01");
    model::issue_field(issue, "publication").append_child("title").text().set("J");
    model::publication(issue).append_child("language").text().set("en");
    EXPECT_TRUE(jats::missing_metadata(issue, article).empty());
}

TEST(JatsExport, DefaultArticleTypeIsOther)
{
    Written written;
    write(written, "<article xmlns='urn:mimeo:article:1'><meta><title>T</title><slug>t</slug></meta><body/></article>", false);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(written.xml.c_str()));
    EXPECT_STREQ(doc.child("article").attribute("article-type").value(), "other");
    EXPECT_FALSE(doc.child("front").child("journal-meta"));
    EXPECT_TRUE(jats::validate_archiving(written.xml, "min.xml", catalog()).empty());
}

TEST(JatsExport, ValidationReportsErrorsWithLines)
{
    const std::string bad = std::string("<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC \"") + jats::public_id +
                            "\" \"" + jats::system_id + "\">\n<article>\n<front><article-meta/></front>\n<body><list/></body>\n</article>\n";
    for (auto problems : {jats::validate_archiving(bad, "bad.xml", catalog()), jats::validate_as_declared(bad, "bad.xml", catalog())}) {
        ASSERT_FALSE(problems.empty());
        EXPECT_EQ(problems.front().code, "jats-invalid");
        EXPECT_GT(problems.front().where.line, 2);
    }
}

// canonical -> JATS -> canonical, compared after the normalization docs/formats/jats.md documents.
std::string normalized(pugi::xml_node node);

TEST(JatsRoundTrip, EveryModelElementComesBack)
{
    Written written;
    write(written, jats_test_article);
    const fs::path folder = fs::temp_directory_path() / ("mimeo-jats-test-" + std::to_string(::getpid()));
    fs::create_directories(folder);
    const fs::path file = folder / "all-the-things.xml";
    std::ofstream(file) << written.xml;

    pugi::xml_document back;
    Diagnostics diagnostics;
    diagnostics.echo_to(nullptr);
    import_file(file, "jats", {}, back, diagnostics);
    fs::remove_all(folder);
    for (const auto& problem : model::validate_document(back, "back.xml")) ADD_FAILURE() << problem.message;
    // The base is where mimeo read the file, set by import_article for every importer.
    EXPECT_STREQ(model::article_of(back).attribute("base").value(), folder.string().c_str());

    // The issue's publication, volume and number come back as the article's journal.
    pugi::xml_node journal = model::meta(model::article_of(back)).child("journal");
    EXPECT_STREQ(journal.child("title").text().get(), "The Journal");
    EXPECT_STREQ(journal.child("issn").text().get(), "1234-5679");
    EXPECT_STREQ(journal.child("number").text().get(), "7");
    pugi::xml_document original;
    ASSERT_TRUE(original.load_string(jats_test_article));
    EXPECT_EQ(normalized(model::article_of(back)), normalized(model::article_of(original)));
    for (const auto& d : diagnostics.all()) ADD_FAILURE() << d.code << ": " << d.message;
}

// Attributes sorted (without @base), runs of white space in text as one space and
// trimmed at the edges of elements; code blocks and raw content kept as they are. A section's
// level is its depth among sections (JATS gives structure by nesting alone), and the ids the
// exporter gives figures and tables that had none (fig-N, table-N) are left out, and so is the
// journal, which the JATS took from the issue.
std::string normalized(pugi::xml_node node)
{
    if (std::string_view(node.name()) == "journal") return "";
    std::vector<std::string> attributes;
    const std::string_view name = node.name();
    for (pugi::xml_attribute a : node.attributes()) {
        const std::string_view attribute = a.name();
        if (attribute == "base" || attribute == "xmlns") continue;
        if ((name == "figure" || name == "table") && attribute == "id" &&
            std::regex_match(a.value(), std::regex("(fig|table)-[0-9]+")))
            continue;
        if (name == "section" && attribute == "level") {
            int depth = 1;
            for (pugi::xml_node up = node.parent(); std::string_view(up.name()) == "section"; up = up.parent()) ++depth;
            attributes.push_back("level=" + std::to_string(depth));
            continue;
        }
        attributes.push_back(std::string(a.name()) + "=" + a.value());
    }
    std::sort(attributes.begin(), attributes.end());
    std::string out = "<" + std::string(node.name());
    for (const auto& a : attributes) out += " " + a;
    out += ">";
    const bool verbatim = std::string_view(node.name()) == "code-block" || std::string_view(node.name()) == "raw";
    std::string content;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata) content += verbatim ? child.value() : std::regex_replace(child.value(), std::regex("\\s+"), " ");
        else if (child.type() == pugi::node_element) content += normalized(child);
    }
    if (!verbatim) content = std::regex_replace(content, std::regex("^ | $|(>) | (<)"), "$1$2");
    return out + content + "</" + node.name() + ">";
}

TEST(JatsRoundTrip, NormalizationStillSeesRealDifferences)
{
    pugi::xml_document a, b, c;
    ASSERT_TRUE(a.load_string("<p>one <em>two</em>\n  three</p>"));
    ASSERT_TRUE(b.load_string("<p>one <em>two</em> three</p>"));
    ASSERT_TRUE(c.load_string("<p>one <em>two</em> four</p>"));
    EXPECT_EQ(normalized(a.first_child()), normalized(b.first_child()));
    EXPECT_NE(normalized(b.first_child()), normalized(c.first_child()));
    ASSERT_TRUE(c.load_string("<body><section level='1'><heading>x</heading><section level='2'/></section></body>"));
    ASSERT_TRUE(b.load_string("<body><section level='1'><heading>x</heading></section><section level='2'/></body>"));
    EXPECT_NE(normalized(b.first_child()), normalized(c.first_child()));
}
