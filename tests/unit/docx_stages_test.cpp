// Both DOCX stages on hand-built input: stage one's Word mechanics (the table grid from a
// Table as the part reader leaves it; fields, edge spacing and the cursor mark through the
// reader) and stage two (to_model.hpp) from a WordDocument, with no package and no XML in
// between.
#include <gtest/gtest.h>


#include "common/zip_writer.hpp"
#include "docx/reader.hpp"
#include "docx/table_grid.hpp"
#include "docx/to_model.hpp"
#include "docx/zip_package.hpp"
#include "model/model.hpp"
#include "model/validate.hpp"
#include "temp_folder.hpp"

namespace mimeo::docx {
namespace {

Cell cell(const std::string& text, int span = 1, VerticalMerge merge = VerticalMerge::none)
{
    Cell c;
    c.grid_span = span;
    c.merge = merge;
    Paragraph p;
    p.inlines.push_back(make_inline(InlineKind::text, text));
    c.blocks.push_back({p});
    return c;
}

Row row(std::vector<Cell> cells, int grid_before = 0)
{
    Row r;
    r.cells = std::move(cells);
    r.grid_before = grid_before;
    return r;
}

// A | B spans 2 rows | C
// D |   (covered)    | E
// F spans 2 columns  | G      and a row that starts one column in.
Table merged_table()
{
    Table t;
    t.grid_columns = 3;
    t.rows.push_back(row({cell("A"), cell("B", 1, VerticalMerge::restart), cell("C")}));
    t.rows.push_back(row({cell("D"), cell("", 1, VerticalMerge::next), cell("E")}));
    t.rows.push_back(row({cell("F", 2), cell("G")}));
    t.rows.push_back(row({cell("H", 1, VerticalMerge::next), cell("I")}, 1));
    return t;
}

TEST(DocxTableGrid, ResolvesSpansAndCoveredCells)
{
    Table t = merged_table();
    resolve_grid(t);
    EXPECT_EQ(t.columns, 3);
    EXPECT_EQ(t.rows[0].cells[1].row_span, 2);
    EXPECT_TRUE(t.rows[1].cells[1].covered);
    EXPECT_FALSE(t.rows[1].cells[0].covered);
    // "continue" with nothing above it to continue, in column 1: a cell of its own.
    EXPECT_FALSE(t.rows[3].cells[0].covered);
    EXPECT_EQ(t.rows[3].cells[0].row_span, 1);
}

TEST(DocxTableGrid, ARowWiderThanTheGridWidensTheTable)
{
    Table t;
    t.grid_columns = 2;
    t.rows.push_back(row({cell("a"), cell("b", 3)}));
    resolve_grid(t);
    EXPECT_EQ(t.columns, 4);
}

// Stage one from the smallest package Word's readers accept: a document.xml alone.
WordDocument read_body(const mimeo::testing::TempFolder& folder, const std::string& body)
{
    const std::string document =
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body +
        "</w:body></w:document>";
    const std::string zip = write_zip({{"word/document.xml", document}}, "", "docx-test");
    const auto path = folder.file("doc.docx", zip);
    Package package(path.string(), {});
    return read_word_document(package, {});
}

TEST(DocxReader, LeavesOutWordsCursorMark)
{
    mimeo::testing::TempFolder folder;
    const WordDocument doc = read_body(folder,
        "<w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkStart w:id=\"1\" w:name=\"between\"/>"
        "<w:p><w:bookmarkStart w:id=\"2\" w:name=\"_GoBack\"/><w:bookmarkStart w:id=\"3\" w:name=\"inside\"/>"
        "<w:r><w:t>x</w:t></w:r></w:p>");
    ASSERT_EQ(doc.body.size(), 1u);
    std::vector<std::string> bookmarks;
    for (const Inline& x : std::get<Paragraph>(doc.body[0].value).inlines)
        if (x.kind == InlineKind::bookmark) bookmarks.push_back(x.target);
    EXPECT_EQ(bookmarks, (std::vector<std::string>{"between", "inside"}));
}

const std::vector<Inline>& first_paragraph(const WordDocument& doc)
{
    return std::get<Paragraph>(doc.body.at(0).value).inlines;
}

// Stage two never sees a field: a HYPERLINK field is a link, any other field what it shows,
// whether written as w:fldSimple or as begin/separate/end runs.
TEST(DocxReader, ResolvesFieldsIntoLinksAndTheirResults)
{
    mimeo::testing::TempFolder folder;
    const WordDocument doc = read_body(folder,
        "<w:p><w:r><w:t xml:space=\"preserve\">See </w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        "<w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"https://example.org/\" \\o \"tip\" </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>the site</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        "<w:r><w:t xml:space=\"preserve\">, page </w:t></w:r>"
        "<w:fldSimple w:instr=\" PAGEREF _Toc1 \\h \"><w:r><w:t>4</w:t></w:r></w:fldSimple></w:p>");
    const std::vector<Inline>& inlines = first_paragraph(doc);
    for (const Inline& x : inlines) EXPECT_NE(x.kind, InlineKind::field);
    ASSERT_EQ(inlines.size(), 3u);
    EXPECT_EQ(inlines[1].kind, InlineKind::link);
    EXPECT_EQ(inlines[1].target, "https://example.org/");
    EXPECT_EQ(inlines[1].title, "tip");
    ASSERT_EQ(inlines[1].content.size(), 1u);
    EXPECT_EQ(inlines[1].content[0].text, "the site");
    EXPECT_EQ(inlines[2].kind, InlineKind::text);
    EXPECT_EQ(inlines[2].text, ", page 4");  // the PAGEREF's result, joined to the text before it
}

// Runs Word split for no visible reason read as one piece; a change of format still splits.
TEST(DocxReader, JoinsRunsWordSplit)
{
    mimeo::testing::TempFolder folder;
    const WordDocument doc = read_body(folder,
        "<w:p><w:r w:rsidR=\"00A1\"><w:t xml:space=\"preserve\">one </w:t></w:r><w:proofErr w:type=\"spellStart\"/>"
        "<w:r w:rsidR=\"00B2\"><w:t>paragrph</w:t></w:r><w:proofErr w:type=\"spellEnd\"/>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> bold</w:t></w:r>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> too</w:t></w:r></w:p>");
    const std::vector<Inline>& inlines = first_paragraph(doc);
    ASSERT_EQ(inlines.size(), 2u);
    EXPECT_EQ(inlines[0].text, "one paragrph");
    EXPECT_FALSE(inlines[0].format.bold);
    EXPECT_EQ(inlines[1].text, " bold too");
    EXPECT_TRUE(inlines[1].format.bold);
}

// Spacing at a paragraph's edges goes, inside a link too; between words it stays.
TEST(DocxReader, TakesOffEdgeSpacingButNotInsideOrInCode)
{
    mimeo::testing::TempFolder folder;
    const WordDocument doc = read_body(folder,
        "<w:p><w:r><w:t xml:space=\"preserve\">  </w:t></w:r><w:r><w:tab/></w:r>"
        "<w:r><w:t xml:space=\"preserve\"> two  words </w:t></w:r>"
        "<w:hyperlink w:anchor=\"x\"><w:r><w:t xml:space=\"preserve\">link  </w:t></w:r></w:hyperlink></w:p>"
        "<w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>");
    const std::vector<Inline>& inlines = first_paragraph(doc);
    ASSERT_EQ(inlines.size(), 2u);
    EXPECT_EQ(inlines[0].text, "two  words ");
    ASSERT_EQ(inlines[1].kind, InlineKind::link);
    EXPECT_EQ(inlines[1].content.at(0).text, "link");
    const std::vector<Inline>& blank = std::get<Paragraph>(doc.body.at(1).value).inlines;
    ASSERT_EQ(blank.size(), 1u);
    EXPECT_EQ(blank[0].text, "");
}

TEST(DocxToModel, MapsAResolvedTableAndParagraphs)
{
    WordDocument doc;
    Paragraph intro;
    intro.inlines.push_back(make_inline(InlineKind::text, "Before "));
    RunFormat bold;
    bold.bold = true;
    intro.inlines.push_back(make_inline(InlineKind::text, "the table", {}, bold));
    doc.body.push_back({intro});
    Table t = merged_table();
    resolve_grid(t);
    doc.body.push_back({t});
    doc.properties.title = "Hand-built";

    mimeo::testing::TempFolder folder;
    Media media(folder.path() / "media", "media/");
    pugi::xml_document out;
    pugi::xml_node article = model::new_article(out);
    Diagnostics diagnostics;
    map_to_model(doc, article, media, {}, diagnostics, "hand-built.docx");
    model::meta_field(article, "slug").text().set("hand-built");
    for (const auto& problem : model::validate_document(out, "hand-built")) ADD_FAILURE() << problem.message;

    EXPECT_STREQ(model::meta(article).child("title").text().get(), "Hand-built");
    pugi::xml_node p = model::body(article).child("p");
    EXPECT_STREQ(p.first_child().value(), "Before ");
    EXPECT_STREQ(p.child("strong").text().get(), "the table");

    pugi::xml_node table = model::body(article).child("table");
    ASSERT_TRUE(table);
    EXPECT_EQ(std::distance(table.children("column").begin(), table.children("column").end()), 3);
    std::vector<std::size_t> cells_per_row;
    for (pugi::xml_node r : table.child("rows").children("row"))
        cells_per_row.push_back(static_cast<std::size_t>(std::distance(r.children("cell").begin(), r.children("cell").end())));
    EXPECT_EQ(cells_per_row, (std::vector<std::size_t>{3, 2, 2, 2}));
    pugi::xml_node b = table.child("rows").child("row").child("cell").next_sibling();
    EXPECT_EQ(b.attribute("rowspan").as_int(), 2);
    EXPECT_STREQ(b.text().get(), "B");
    pugi::xml_node f = table.child("rows").child("row").next_sibling().next_sibling().child("cell");
    EXPECT_EQ(f.attribute("colspan").as_int(), 2);
}

}  // namespace
}  // namespace mimeo::docx
