// The builders importers write the model with (model/builders.hpp): the schema's order and
// nesting, whatever order the parts come in.
#include <gtest/gtest.h>

#include <sstream>

#include "model/builders.hpp"
#include "model/model.hpp"
#include "model/validate.hpp"

namespace mimeo::model {
namespace {

std::string xml_of(pugi::xml_node node)
{
    std::ostringstream out;
    node.print(out, "", pugi::format_raw);
    return out.str();
}

TEST(SectionNesting, AHeadingClosesSectionsOfItsLevelOrDeeper)
{
    pugi::xml_document doc;
    pugi::xml_node body = doc.append_child("body");
    SectionNesting sections(body);
    sections.open(1).text().set("A");
    sections.open(3).text().set("A.a");  // a skipped level still nests
    sections.here().append_child("p");
    sections.open(2).text().set("A.b");
    sections.open(1).text().set("B");
    EXPECT_EQ(xml_of(body), "<body><section level=\"1\"><heading>A</heading><section level=\"3\"><heading>A.a</heading>"
                            "<p/></section><section level=\"2\"><heading>A.b</heading></section></section>"
                            "<section level=\"1\"><heading>B</heading></section></body>");
}

TEST(TableWriter, PartsGoInTheSchemasOrderWhateverOrderTheyCome)
{
    pugi::xml_document doc;
    pugi::xml_node article = new_article(doc);
    meta_field(article, "title").text().set("T");
    meta_field(article, "slug").text().set("t");
    TableWriter table(body(article));
    TableWriter::cell(table.row(false)).text().set("body");
    TableWriter::cell(table.row(true), 2).text().set("head");
    table.column("right");
    table.caption().text().set("Caption");
    TableWriter::cell(table.row(true), 1, 3).text().set("second head row");
    EXPECT_EQ(xml_of(table.table()),
              "<table><caption>Caption</caption><column align=\"right\"/><head><row><cell colspan=\"2\">head</cell></row>"
              "<row><cell rowspan=\"3\">second head row</cell></row></head><rows><row><cell>body</cell></row></rows></table>");
    for (const auto& problem : validate_document(doc, "t")) ADD_FAILURE() << problem.message;
}

TEST(AppendNote, TheFirstNoteMakesTheList)
{
    pugi::xml_document doc;
    pugi::xml_node article = new_article(doc);
    append_note(article, "fn1", "footnote");
    append_note(article, "en1", "endnote");
    EXPECT_EQ(xml_of(notes(article)), "<notes><note id=\"fn1\" kind=\"footnote\"/><note id=\"en1\" kind=\"endnote\"/></notes>");
}

}  // namespace
}  // namespace mimeo::model
