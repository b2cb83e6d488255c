// The one XHTML renderer on hand-made model trees: what each option changes, and that
// every output is well-formed XHTML.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "html/renderer.hpp"
#include "model/model.hpp"

namespace mimeo::html {
namespace {

// An article given as the XML of its <body> and <notes>, in the model's namespace.
struct Article {
    pugi::xml_document doc;
    pugi::xml_node node;

    Article(const std::string& body, const std::string& notes = "")
    {
        const std::string xml = std::string("<article xmlns=\"") + model::namespace_uri +
                                "\"><meta><title>T</title><slug>t</slug></meta><body>" + body + "</body>" +
                                (notes.empty() ? "" : "<notes>" + notes + "</notes>") + "</article>";
        EXPECT_TRUE(doc.load_string(xml.c_str()));
        node = model::article_of(doc);
    }
};

// The fragment parses as XML (inside one wrapper element).
bool well_formed(const std::string& fragment)
{
    pugi::xml_document doc;
    return static_cast<bool>(doc.load_string(("<div>" + fragment + "</div>").c_str()));
}

TEST(HtmlRenderer, HeadingsTakeTheOffset)
{
    Article a("<section level=\"1\" id=\"one\"><heading>One</heading><p>x</p><section level=\"2\" id=\"two\"><heading>Two</heading></section></section>");
    RenderOptions options;
    std::string plain = render_blocks(model::body(a.node), options);
    EXPECT_NE(plain.find("<h1"), std::string::npos) << plain;
    EXPECT_NE(plain.find("<h2"), std::string::npos) << plain;
    options.heading_offset = 1;
    std::string offset = render_blocks(model::body(a.node), options);
    EXPECT_EQ(offset.find("<h1"), std::string::npos) << offset;
    EXPECT_NE(offset.find("<h3"), std::string::npos) << offset;
    EXPECT_TRUE(well_formed(offset));
}

TEST(HtmlRenderer, TextAndUrlsAreEscaped)
{
    Article a("<p>a &lt;b&gt; &amp; \"c\" <link href=\"https://example.org/a b?x=1&amp;y=&quot;2&quot;\">l</link></p>");
    const std::string html = render_blocks(model::body(a.node), {});
    EXPECT_NE(html.find("a &lt;b&gt; &amp; &quot;c&quot;"), std::string::npos) << html;
    EXPECT_NE(html.find("href=\"https://example.org/a%20b?x=1&amp;y=%222%22\""), std::string::npos) << html;
    EXPECT_TRUE(well_formed(html));
}

TEST(HtmlRenderer, RewritesUrlsAndPrefixesIds)
{
    Article a("<p id=\"p1\">See<note-ref note=\"n1\"/> <image src=\"images/a.png\" alt=\"A\"/></p>",
              "<note id=\"n1\" kind=\"footnote\"><p>The note.</p></note>");
    RenderOptions options;
    options.id_prefix = "t-";
    options.rewrite_url = [](std::string_view url, bool is_image) {
        return is_image ? "https://cdn.example/" + std::string(url) : std::string(url);
    };
    const std::string html = render_article(a.node, options);
    EXPECT_NE(html.find("src=\"https://cdn.example/images/a.png\""), std::string::npos) << html;
    EXPECT_NE(html.find("id=\"t-n1\""), std::string::npos) << "the note's id prefixed: " << html;
    EXPECT_NE(html.find("href=\"#t-n1\""), std::string::npos) << "its reference prefixed: " << html;
    EXPECT_EQ(html.find("id=\"n1\""), std::string::npos) << "an unprefixed note id: " << html;
    EXPECT_TRUE(well_formed(html));
}

TEST(HtmlRenderer, EpubNotesArePopUps)
{
    Article a("<p>See<note-ref note=\"n1\"/></p>", "<note id=\"n1\" kind=\"footnote\"><p>The note.</p></note>");
    RenderOptions options;
    options.notes = NoteStyle::epub;
    const std::string html = render_article(a.node, options);
    EXPECT_NE(html.find("epub:type=\"footnote\""), std::string::npos) << html;
    EXPECT_NE(html.find("epub:type=\"noteref\""), std::string::npos) << html;
}

TEST(HtmlRenderer, RawHtmlGoesThroughTheFilter)
{
    Article a("<raw format=\"html\">&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;kept&lt;/b&gt;</raw>");
    RenderOptions options;
    options.filter_raw_html = [](std::string_view raw) {
        std::string text(raw);
        const auto at = text.find("<script>");
        return at == std::string::npos ? text : text.substr(0, at) + text.substr(text.find("</script>") + 9);
    };
    const std::string html = render_blocks(model::body(a.node), options);
    EXPECT_EQ(html.find("script"), std::string::npos) << html;
    EXPECT_NE(html.find("<b>kept</b>"), std::string::npos) << html;
}

TEST(HtmlRenderer, TablesKeepTheirSpans)
{
    Article a("<table><column/><column/><rows><row><cell colspan=\"2\">wide</cell></row>"
              "<row><cell rowspan=\"2\">tall</cell><cell>b</cell></row><row><cell>c</cell></row></rows></table>");
    const std::string html = render_blocks(model::body(a.node), {});
    EXPECT_NE(html.find("colspan=\"2\""), std::string::npos) << html;
    EXPECT_NE(html.find("rowspan=\"2\""), std::string::npos) << html;
    EXPECT_TRUE(well_formed(html));
}

}  // namespace
}  // namespace mimeo::html
