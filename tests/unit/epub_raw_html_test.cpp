// The raw HTML filter: known attack strings come out inert, and what comes out is
// always well-formed XHTML.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "html/raw_html.hpp"

using mimeo::html::raw_html_to_xhtml;
using mimeo::html::RawHtml;
using mimeo::html::RawHtmlOptions;

namespace {

std::string sanitize(std::string_view fragment) { return raw_html_to_xhtml(fragment, RawHtmlOptions{}); }

bool well_formed(const std::string& xhtml)
{
    pugi::xml_document doc;
    std::string wrapped = "<root>" + xhtml + "</root>";
    return doc.load_string(wrapped.c_str());
}

}  // namespace

TEST(EpubRawHtml, AttackStringsComeOutInert)
{
    const char* attacks[] = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<body onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<img src=\"data:text/html,<script>alert(1)</script>\">",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<object data=\"evil.swf\"></object><embed src=\"evil.swf\">",
        "<svg onload=alert(1)><script>alert(2)</script></svg>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<form action=\"javascript:alert(1)\"><input type=submit></form>",
        "<div onmouseover=\"alert(1)\">x</div>",
        "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>",
        "<<script>script>alert(1)<</script>/script>",
        "<!--<script>alert(1)</script>-->",
        "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
    };
    for (const char* attack : attacks) {
        std::string out = sanitize(attack);
        std::string lower = out;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        SCOPED_TRACE(std::string(attack) + " -> " + out);
        EXPECT_EQ(lower.find("<script"), std::string::npos);
        EXPECT_EQ(lower.find("javascript:"), std::string::npos);
        EXPECT_EQ(lower.find("vbscript:"), std::string::npos);
        EXPECT_EQ(lower.find("data:text"), std::string::npos);
        EXPECT_EQ(lower.find(" on"), std::string::npos);
        EXPECT_EQ(lower.find("<iframe"), std::string::npos);
        EXPECT_EQ(lower.find("<object"), std::string::npos);
        EXPECT_EQ(lower.find("<embed"), std::string::npos);
        EXPECT_EQ(lower.find("<style"), std::string::npos);
        EXPECT_EQ(lower.find("style="), std::string::npos);
        EXPECT_EQ(lower.find("<form"), std::string::npos);
        EXPECT_EQ(lower.find("<meta"), std::string::npos);
        EXPECT_EQ(lower.find("<base"), std::string::npos);
        EXPECT_TRUE(well_formed(out));
    }
}

TEST(EpubRawHtml, HarmlessMarkupStays)
{
    EXPECT_EQ(sanitize("<p class=\"note\">A <em>b</em> <a href=\"https://example.org/?a=1&amp;b=2\" title=\"t\">c</a></p>"),
              "<p class=\"note\">A <em>b</em> <a href=\"https://example.org/?a=1&amp;b=2\" title=\"t\">c</a></p>");
    EXPECT_EQ(sanitize("<img src=\"data:image/png;base64,iVBORw0=\" alt=\"dot\">"),
              "<img src=\"data:image/png;base64,iVBORw0=\" alt=\"dot\" />");
    EXPECT_EQ(sanitize("line<br>break<hr>"), "line<br />break<hr />");
    EXPECT_EQ(sanitize("<span lang=\"fr\">oui</span>"), "<span lang=\"fr\" xml:lang=\"fr\">oui</span>");
}

TEST(EpubRawHtml, UnknownAndObsoleteElementsAreUnwrapped)
{
    EXPECT_EQ(sanitize("<center><font color=red>big</font></center>"), "big");
    EXPECT_EQ(sanitize("<custom-tag>text</custom-tag>"), "text");
}

TEST(EpubRawHtml, BrokenHtmlBecomesWellFormed)
{
    const char* broken[] = {"<p>unclosed <b>bold", "<table><tr><td>1<td>2</table>", "a & b < c", "<ul><li>one<li>two</ul>",
                            "</div></div>stray", "<p title='x\"y'>q</p>", std::string("nul\0byte", 8).c_str()};
    for (const char* fragment : broken) {
        std::string out = sanitize(fragment);
        SCOPED_TRACE(std::string(fragment) + " -> " + out);
        EXPECT_TRUE(well_formed(out));
    }
    EXPECT_EQ(sanitize("a & b < c"), "a &amp; b &lt; c");
}

TEST(EpubRawHtml, KeepIsExplicitAndStillWellFormed)
{
    RawHtmlOptions keep;
    keep.policy = RawHtml::keep;
    std::string out = raw_html_to_xhtml("<div onclick=\"go()\"><custom>x</custom><p>y", keep);
    EXPECT_EQ(out, "<div onclick=\"go()\"><custom>x</custom><p>y</p></div>");
    EXPECT_TRUE(well_formed(raw_html_to_xhtml("<script>if (a < b && c) {}</script>", keep)));
}

TEST(EpubRawHtml, RewritesUrlsAndDropsImagesWithoutSource)
{
    RawHtmlOptions options;
    options.rewrite_url = [](std::string_view url, bool is_image) -> std::string {
        if (!is_image) return "https://example.org/" + std::string(url);
        return url == "gone.png" ? "" : "../images/" + std::string(url);
    };
    EXPECT_EQ(raw_html_to_xhtml("<a href=\"x.html\">x</a><img src=\"a.png\" alt=\"a\"><img src=\"gone.png\" alt=\"g\">", options),
              "<a href=\"https://example.org/x.html\">x</a><img src=\"../images/a.png\" alt=\"a\" />");
}

