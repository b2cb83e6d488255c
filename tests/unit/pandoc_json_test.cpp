// pandoc's JSON tree <-> the canonical model, without running pandoc.
#include <gtest/gtest.h>

#include <sstream>

#include "model/model.hpp"
#include "model/required_metadata.hpp"
#include "model/validate.hpp"
#include "pandoc/json_metadata.hpp"
#include "pandoc/json_to_model.hpp"
#include "pandoc/model_to_json.hpp"
#include "pandoc/pandoc_tool.hpp"

using mimeo::pandoc::json;

namespace {

struct Imported {
    pugi::xml_document doc;
    mimeo::Diagnostics diagnostics;
    pugi::xml_node article() const { return mimeo::model::article_of(doc); }
    std::string warnings() const
    {
        std::string out;
        for (const auto& d : diagnostics.all()) out += "[" + d.code + "] " + d.message + "\n";
        return out;
    }
};

// `blocks` and `meta` as pandoc writes them, API 1.`minor`.
void import_json(Imported& result, const std::string& blocks, const std::string& meta = "{}", int minor = 22)
{
    result.diagnostics.echo_to(nullptr);
    pugi::xml_node article = mimeo::model::new_article(result.doc);
    mimeo::pandoc::TreeMapper mapper(article, minor);
    mapper.body(json::parse(blocks));
    mimeo::pandoc::map_metadata(json::parse(meta), mapper, article, "test.json", result.diagnostics);
    mapper.report("test.json", result.diagnostics);
    mimeo::model::complete_required_metadata(article, "test.json", nullptr);
    auto problems = mimeo::model::validate_document(result.doc, "test.json");
    EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems.front().message) << "\n"
                                  << mimeo::model::to_xml(result.doc);
}

std::string body_xml(const Imported& imported)
{
    std::ostringstream out;
    for (pugi::xml_node child : mimeo::model::body(imported.article()).children())
        child.print(out, "", pugi::format_raw);
    return out.str();
}

const char* str(const char* text) { return text; }

}  // namespace

TEST(PandocJson, SectionsNestByHeadingLevel)
{
    Imported m;
    import_json(m, R"([
      {"t":"Para","c":[{"t":"Str","c":"Intro"}]},
      {"t":"Header","c":[1,["first",[],[]],[{"t":"Str","c":"One"}]]},
      {"t":"Para","c":[{"t":"Str","c":"a"}]},
      {"t":"Header","c":[2,["",[],[]],[{"t":"Str","c":"Two"},{"t":"Space"},{"t":"Str","c":"words"}]]},
      {"t":"Para","c":[{"t":"Str","c":"b"}]},
      {"t":"Header","c":[1,["first",[],[]],[{"t":"Str","c":"Again"}]]}
    ])");
    EXPECT_EQ(body_xml(m),
              "<p>Intro</p>"
              "<section level=\"1\" id=\"first\"><heading>One</heading><p>a</p>"
              "<section level=\"2\" id=\"two-words\"><heading>Two words</heading><p>b</p></section></section>"
              "<section level=\"1\" id=\"first-2\"><heading>Again</heading></section>");
}

TEST(PandocJson, InlinesMapOneToOne)
{
    Imported m;
    import_json(m, R"([{"t":"Para","c":[
      {"t":"Emph","c":[{"t":"Str","c":"e"}]},{"t":"Strong","c":[{"t":"Str","c":"s"}]},
      {"t":"Underline","c":[{"t":"Str","c":"u"}]},{"t":"Strikeout","c":[{"t":"Str","c":"x"}]},
      {"t":"Superscript","c":[{"t":"Str","c":"2"}]},{"t":"Subscript","c":[{"t":"Str","c":"i"}]},
      {"t":"SmallCaps","c":[{"t":"Str","c":"sc"}]},{"t":"Space"},
      {"t":"Quoted","c":[{"t":"DoubleQuote"},[{"t":"Str","c":"dq"}]]},
      {"t":"Quoted","c":[{"t":"SingleQuote"},[{"t":"Str","c":"sq"}]]},{"t":"SoftBreak"},
      {"t":"Cite","c":[[],[{"t":"Str","c":"[@doe]"}]]},{"t":"LineBreak"},
      {"t":"Code","c":[["",[],[]],"x < y"]},
      {"t":"Math","c":[{"t":"InlineMath"},"a^2"]},{"t":"Math","c":[{"t":"DisplayMath"},"b"]},
      {"t":"RawInline","c":["html","<br>"]},
      {"t":"Link","c":[["",[],[]],[{"t":"Str","c":"site"}],["https://example.org/","Title"]]},
      {"t":"Image","c":[["",[],[]],[{"t":"Str","c":"alt"}],["a.png",""]]},
      {"t":"Span","c":[["",[],[["lang","fr"]]],[{"t":"Str","c":"oui"}]]},
      {"t":"Span","c":[["anchor1",["smallcaps"],[]],[{"t":"Str","c":"sc2"}]]},
      {"t":"Span","c":[["",["plain"],[]],[{"t":"Str","c":"unwrapped"}]]}
    ]}])");
    EXPECT_EQ(body_xml(m),
              "<p><em>e</em><strong>s</strong><underline>u</underline><strike>x</strike><sup>2</sup><sub>i</sub>"
              "<smallcaps>sc</smallcaps> \u201Cdq\u201D\u2018sq\u2019\n[@doe]<line-break/>"
              "<code>x &lt; y</code><math display=\"inline\">a^2</math><math display=\"block\">b</math>"
              "<raw format=\"html\">&lt;br&gt;</raw>"
              "<link href=\"https://example.org/\" title=\"Title\">site</link>"
              "<image src=\"a.png\" alt=\"alt\"/><span lang=\"fr\">oui</span>"
              "<anchor id=\"anchor1\"/><smallcaps>sc2</smallcaps>unwrapped</p>");
}

TEST(PandocJson, NotesBecomeNotesWithReferences)
{
    Imported m;
    import_json(m, R"([{"t":"Para","c":[{"t":"Str","c":"Text."},
      {"t":"Note","c":[{"t":"Para","c":[{"t":"Str","c":"First"}]},{"t":"Para","c":[{"t":"Str","c":"more"}]}]},
      {"t":"Note","c":[{"t":"Plain","c":[{"t":"Str","c":"Second"}]}]}]}])");
    EXPECT_EQ(body_xml(m), "<p>Text.<note-ref note=\"fn1\"/><note-ref note=\"fn2\"/></p>");
    pugi::xml_node notes = mimeo::model::notes(m.article());
    ASSERT_TRUE(notes);
    EXPECT_EQ(mimeo::model::text_of(mimeo::model::find_note(m.article(), "fn1")), "Firstmore");
    EXPECT_STREQ(notes.last_child().attribute("kind").value(), "footnote");
}

TEST(PandocJson, BlocksOfEveryKind)
{
    Imported m;
    import_json(m, R"([
      {"t":"BlockQuote","c":[{"t":"Para","c":[{"t":"Str","c":"Said."}]},
                             {"t":"Para","c":[{"t":"Str","c":"—"},{"t":"Space"},{"t":"Str","c":"Someone"}]}]},
      {"t":"OrderedList","c":[[3,{"t":"Decimal"},{"t":"Period"}],[[{"t":"Plain","c":[{"t":"Str","c":"three"}]}]]]},
      {"t":"BulletList","c":[[{"t":"Plain","c":[{"t":"Str","c":"☒"},{"t":"Space"},{"t":"Str","c":"done"}]}],
                             [{"t":"Para","c":[{"t":"Str","c":"loose"}]}]]},
      {"t":"DefinitionList","c":[[[{"t":"Str","c":"term"}],[[{"t":"Para","c":[{"t":"Str","c":"def"}]}]]]]},
      {"t":"CodeBlock","c":[["",["python","numberLines"],[]],"print 1"]},
      {"t":"RawBlock","c":["latex","\\newpage"]},
      {"t":"HorizontalRule"},
      {"t":"LineBlock","c":[[{"t":"Str","c":"one"}],[{"t":"Str","c":"two"}]]},
      {"t":"Null"},
      {"t":"Div","c":[["",[],[["lang","de"]]],[{"t":"Para","c":[{"t":"Str","c":"Hallo"}]}]]},
      {"t":"Para","c":[{"t":"Image","c":[["fig1",[],[]],[{"t":"Str","c":"Cap"}],["img.png","fig:Title"]]}]}
    ])");
    EXPECT_EQ(body_xml(m),
              "<quote><p>Said.</p><attribution>Someone</attribution></quote>"
              "<list kind=\"ordered\" start=\"3\" tight=\"true\"><item><p>three</p></item></list>"
              "<list kind=\"bullet\"><item checked=\"true\"><p>done</p></item><item><p>loose</p></item></list>"
              "<deflist><term>term</term><definition><p>def</p></definition></deflist>"
              "<code-block language=\"python\">print 1</code-block>"
              "<raw format=\"latex\">\\newpage</raw><break/><p>one<line-break/>two</p>"
              "<p><span lang=\"de\">Hallo</span></p>"
              "<figure id=\"fig1\"><image src=\"img.png\" alt=\"Cap\" title=\"Title\"/><caption>Cap</caption></figure>");
}

TEST(PandocJson, TablesKeepSpansAlignmentAndWarnOfTheirFoot)
{
    Imported m;
    import_json(m, R"([{"t":"Table","c":[["t1",[],[]],
      [null,[{"t":"Plain","c":[{"t":"Str","c":"Caption"}]}]],
      [[{"t":"AlignLeft"},{"t":"ColWidthDefault"}],[{"t":"AlignDefault"},{"t":"ColWidth","c":0.5}]],
      [["",[],[]],[[["",[],[]],[[["",[],[]],{"t":"AlignDefault"},1,2,[{"t":"Plain","c":[{"t":"Str","c":"H"}]}]]]]]],
      [[["",[],[]],0,[],[
         [["",[],[]],[[["",[],[]],{"t":"AlignRight"},2,1,[{"t":"Plain","c":[{"t":"Str","c":"a"}]}]],
                      [["",[],[]],{"t":"AlignDefault"},1,1,[{"t":"Para","c":[{"t":"Str","c":"p1"}]},{"t":"Para","c":[{"t":"Str","c":"p2"}]}]]]],
         [["",[],[]],[[["",[],[]],{"t":"AlignDefault"},1,1,[]]]]]]],
      [["",[],[]],[[["",[],[]],[[["",[],[]],{"t":"AlignDefault"},1,2,[{"t":"Plain","c":[{"t":"Str","c":"Total"}]}]]]]]]
    ]}])");
    EXPECT_EQ(body_xml(m),
              "<table id=\"t1\"><caption>Caption</caption><column align=\"left\"/><column/>"
              "<head><row><cell colspan=\"2\">H</cell></row></head>"
              "<rows><row><cell align=\"right\" rowspan=\"2\">a</cell><cell><p>p1</p><p>p2</p></cell></row>"
              "<row><cell/></row><row><cell colspan=\"2\">Total</cell></row></rows></table>");
    EXPECT_NE(m.warnings().find("[pandoc-drop] 1 table foot rows kept as ordinary rows"), std::string::npos)
        << m.warnings();
}

TEST(PandocJson, Api123FiguresAndTheirFallback)
{
    Imported m;
    import_json(m, R"([
      {"t":"Figure","c":[["rent",[],[]],[null,[{"t":"Plain","c":[{"t":"Str","c":"Rent"},{"t":"Space"},{"t":"Emph","c":[{"t":"Str","c":"share"}]}]}]],
        [{"t":"Plain","c":[{"t":"Image","c":[["",[],[]],[{"t":"Str","c":"Rent"}],["images/rent.png",""]]}]}]]},
      {"t":"Figure","c":[["",[],[]],[null,[{"t":"Plain","c":[{"t":"Str","c":"Two"}]}]],
        [{"t":"Plain","c":[{"t":"Image","c":[["",[],[]],[],["a.png",""]]},{"t":"Image","c":[["",[],[]],[],["b.png",""]]}]}]]},
      {"t":"Para","c":[{"t":"Image","c":[["",[],[]],[],["c.png","fig:"]]}]}
    ])", "{}", 23);
    EXPECT_EQ(body_xml(m),
              "<figure id=\"rent\"><image src=\"images/rent.png\" alt=\"Rent\"/><caption>Rent <em>share</em></caption></figure>"
              "<p><image src=\"a.png\" alt=\"\"/><image src=\"b.png\" alt=\"\"/></p><p>Two</p>"
              "<p><image src=\"c.png\" alt=\"\"/></p>");
    EXPECT_NE(m.warnings().find("[pandoc-drop] 1 figures holding more than one image"), std::string::npos);
}

TEST(PandocJson, MetadataMapsToTheModel)
{
    Imported m;
    import_json(m, R"([])", R"({
      "title":{"t":"MetaInlines","c":[{"t":"Str","c":"A"},{"t":"Space"},{"t":"Emph","c":[{"t":"Str","c":"title"}]}]},
      "subtitle":{"t":"MetaString","c":"Sub"},
      "author":{"t":"MetaList","c":[{"t":"MetaInlines","c":[{"t":"Str","c":"Ann"}]},
                                   {"t":"MetaMap","c":{"name":{"t":"MetaString","c":"Bo"},"affiliation":{"t":"MetaString","c":"X"}}}]},
      "date":{"t":"MetaInlines","c":[{"t":"Str","c":"14"},{"t":"Space"},{"t":"Str","c":"April"},{"t":"Space"},{"t":"Str","c":"2025"}]},
      "lang":{"t":"MetaString","c":"fr-CA"},
      "abstract":{"t":"MetaBlocks","c":[{"t":"Para","c":[{"t":"Str","c":"Short."}]}]},
      "keywords":{"t":"MetaList","c":[{"t":"MetaString","c":"labor"},{"t":"MetaString","c":"ports"}]},
      "header-includes":{"t":"MetaString","c":"x"}
    })");
    pugi::xml_node article = m.article();
    std::ostringstream title;
    mimeo::model::meta(article).child("title").print(title, "", pugi::format_raw);
    EXPECT_EQ(title.str(), "<title>A <em>title</em></title>");
    EXPECT_EQ(mimeo::model::meta_text(article, "subtitle"), "Sub");
    EXPECT_EQ(mimeo::model::contributors(article, "author"), (std::vector<std::string>{"Ann", "Bo"}));
    EXPECT_EQ(mimeo::model::meta_text(article, "date"), "2025-04-14");
    EXPECT_EQ(mimeo::model::meta_text(article, "language"), "fr-CA");
    EXPECT_EQ(mimeo::model::meta_text(article, "summary"), "Short.");
    EXPECT_EQ(mimeo::model::tags(article), (std::vector<std::string>{"labor", "ports"}));
    EXPECT_NE(m.warnings().find("[pandoc-meta] 1 metadata fields the model has no place for dropped: header-includes"),
              std::string::npos)
        << m.warnings();
}

TEST(PandocJson, AnUnreadableDateIsDroppedWithAWarning)
{
    Imported m;
    import_json(m, "[]", R"({"date":{"t":"MetaString","c":"\\today"},"lang":{"t":"MetaString","c":"not a tag"}})");
    EXPECT_EQ(mimeo::model::meta_text(m.article(), "date"), "");
    EXPECT_EQ(mimeo::model::meta_text(m.article(), "language"), "");
    EXPECT_NE(m.warnings().find("[pandoc-date] date '\\today'"), std::string::npos) << m.warnings();
    EXPECT_NE(m.warnings().find("[pandoc-meta] language 'not a tag'"), std::string::npos) << m.warnings();
}

TEST(PandocJson, DatesNormalize)
{
    using mimeo::pandoc::normalize_date;
    EXPECT_EQ(normalize_date("2025-04-14"), "2025-04-14");
    EXPECT_EQ(normalize_date("2025-04-14T10:00:00Z"), "2025-04-14");
    EXPECT_EQ(normalize_date("2025/4/9"), "2025-04-09");
    EXPECT_EQ(normalize_date("2025-04"), "2025-04");
    EXPECT_EQ(normalize_date("2025"), "2025");
    EXPECT_EQ(normalize_date("April 14, 2025"), "2025-04-14");
    EXPECT_EQ(normalize_date("14 Sept. 2025"), "2025-09-14");
    EXPECT_EQ(normalize_date("March 2025"), "2025-03");
    EXPECT_EQ(normalize_date("14.04.2025"), "2025-04-14");
    EXPECT_EQ(normalize_date("25/12/2025"), "2025-12-25");
    EXPECT_EQ(normalize_date("03/04/2025"), std::nullopt);  // March or April?
    EXPECT_EQ(normalize_date("2025-02-30"), std::nullopt);
    EXPECT_EQ(normalize_date("someday"), std::nullopt);
}

TEST(PandocJson, OnlyApi122And123AreRead)
{
    mimeo::pandoc::Tool tool;
    EXPECT_EQ(mimeo::pandoc::api_minor(json::parse(R"({"pandoc-api-version":[1,22,2,1]})"), tool, "f"), 22);
    EXPECT_EQ(mimeo::pandoc::api_minor(json::parse(R"({"pandoc-api-version":[1,23,1]})"), tool, "f"), 23);
    for (const char* old : {R"({"pandoc-api-version":[1,20]})", R"([{"unMeta":{}},[]])"}) {
        try {
            mimeo::pandoc::api_minor(json::parse(old), tool, "f");
            ADD_FAILURE() << "accepted " << old;
        } catch (const mimeo::Error& e) {
            EXPECT_EQ(e.diagnostic().code, "pandoc-version");
            EXPECT_NE(std::string(e.what()).find("install"), std::string::npos) << e.what();
        }
    }
    EXPECT_THROW(mimeo::pandoc::api_minor(json::parse(R"({"pandoc-api-version":[1,24]})"), tool, "f"), mimeo::Error);
}

TEST(PandocJson, TheModelBecomesATreeForEitherApi)
{
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(R"(<issue xmlns="urn:mimeo:article:1"><articles><article>
      <meta><title>T</title><contributor role="author">Ann</contributor><date>2025-04-14</date><slug>t</slug><tag>x</tag></meta>
      <body><section level="1" id="s"><heading>H</heading><p>a <em>b</em><note-ref note="n1"/></p>
        <list kind="bullet" tight="true"><item checked="true"><p>done</p></item></list>
        <figure><image src="i.png" alt="Alt"/><caption>Cap</caption></figure>
        <table><column align="right"/><rows><row><cell colspan="2">c</cell></row></rows></table></section></body>
      <notes><note id="n1" kind="footnote"><p>Note</p></note></notes></article></articles></issue>)"));
    pugi::xml_node issue = mimeo::model::issue_of(doc);
    json v22 = mimeo::pandoc::issue_to_json(issue, 22);
    EXPECT_EQ(v22["pandoc-api-version"][1], 22);
    EXPECT_EQ(v22["meta"]["title"]["c"][0]["c"], "T");
    EXPECT_EQ(v22["meta"]["keywords"]["c"][0]["c"], "x");
    const json& blocks = v22["blocks"];
    EXPECT_EQ(blocks[0]["t"], "Header");
    EXPECT_EQ(blocks[1]["c"][3]["t"], "Note");
    EXPECT_EQ(blocks[2]["c"][0][0]["c"][0]["c"], str("\u2612"));
    EXPECT_EQ(blocks[3]["t"], "Para");  // API 1.22: an image titled fig: is a figure
    EXPECT_EQ(blocks[3]["c"][0]["c"][2][1], "fig:");
    EXPECT_EQ(blocks[4]["c"][2].size(), 2u);  // two column specs for a cell spanning two
    json v23 = mimeo::pandoc::issue_to_json(issue, 23);
    EXPECT_EQ(v23["blocks"][3]["t"], "Figure");

    // Back again: the same structure.
    Imported back;
    import_json(back, v22["blocks"].dump(), v22["meta"].dump());
    EXPECT_EQ(mimeo::model::text_of(mimeo::model::body(back.article())), "Ha bdoneCapCapc");
    EXPECT_EQ(mimeo::model::text_of(mimeo::model::notes(back.article())), "Note");
    EXPECT_TRUE(mimeo::model::body(back.article()).select_node(".//item[@checked='true']"));
}
