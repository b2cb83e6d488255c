#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <zip.h>

#include <filesystem>

#include "common/diagnostics.hpp"
#include "docx/fields.hpp"
#include "docx/math.hpp"
#include "docx/numbering.hpp"
#include "docx/styles.hpp"
#include "docx/symbols.hpp"
#include "docx/xml_part.hpp"
#include "docx/zip_package.hpp"
#include "temp_folder.hpp"

using namespace mimeo;

namespace {

pugi::xml_node parsed(pugi::xml_document& doc, const std::string& xml)
{
    docx::parse_part(xml, "t.docx", "word/x.xml", doc);
    return doc.document_element();
}

const char* w_ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

}  // namespace

TEST(DocxXmlPart, RewritesPrefixesToFixedOnes)
{
    pugi::xml_document doc;
    pugi::xml_node root = parsed(doc,
        "<ns0:document xmlns:ns0=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<ns0:body><p xmlns=\"http://purl.oclc.org/ooxml/wordprocessingml/main\" ns0:rsid=\"1\"/></ns0:body></ns0:document>");
    EXPECT_STREQ(root.name(), "w:document");
    EXPECT_TRUE(root.child("w:body").child("w:p"));
    EXPECT_TRUE(root.child("w:body").child("w:p").attribute("w:rsid"));
}

TEST(DocxXmlPart, RefusesDoctypesAndReportsBadXml)
{
    pugi::xml_document doc;
    try {
        parsed(doc, std::string("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><w:document ") + w_ns + ">&e;</w:document>");
        FAIL() << "a DOCTYPE was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostic().code, "docx-dtd");
    }
    try {
        parsed(doc, "<w:document>\n<unclosed></w:document>");
        FAIL() << "malformed XML was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostic().code, "docx-xml");
        EXPECT_NE(std::string(e.what()).find("word/x.xml:2"), std::string::npos);
    }
}

TEST(DocxZip, ResolvesTargetsInsideThePackageOnly)
{
    EXPECT_EQ(docx::resolve_part_name("word/", "media/a.png", "f"), "word/media/a.png");
    EXPECT_EQ(docx::resolve_part_name("word/", "../customXml/item1.xml", "f"), "customXml/item1.xml");
    EXPECT_EQ(docx::resolve_part_name("word/", "/word/styles.xml", "f"), "word/styles.xml");
    EXPECT_THROW(docx::resolve_part_name("word/", "../../etc/passwd", "f"), Error);
    EXPECT_EQ(docx::folder_of("word/document.xml"), "word/");
}

namespace {

void write_zip(const std::filesystem::path& file, const std::vector<std::pair<std::string, std::string>>& entries)
{
    int error = 0;
    zip_t* archive = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    ASSERT_NE(archive, nullptr);
    for (const auto& [name, bytes] : entries) {
        zip_source_t* data = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        ASSERT_GE(zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8), 0);
    }
    ASSERT_EQ(zip_close(archive), 0);
}

std::size_t open_descriptors()
{
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) ++count;
    return count;
}

}  // namespace

// Found by fuzz_docx (a leak): a package refused while it was being opened, or a part
// refused while it was being read, must still close the archive.
TEST(DocxZip, ClosesTheArchiveWhenRefused)
{
    mimeo::testing::TempFolder folder;
    const auto unsafe = folder.path() / "unsafe.docx";
    write_zip(unsafe, {{"word/document.xml", "<x/>"}, {"[Content_\\Types].xml", "<x/>"}});
    const auto big = folder.path() / "big.docx";
    write_zip(big, {{"word/document.xml", std::string(3 << 20, 'a')}});

    const std::size_t before = open_descriptors();
    for (int i = 0; i < 20; ++i) {
        EXPECT_THROW(docx::Package(unsafe.string(), {}), Error);
        docx::Package package(big.string(), {.max_entry_size = 1 << 20});
        EXPECT_THROW(package.read("word/document.xml"), Error);
    }
    EXPECT_EQ(open_descriptors(), before);
}

TEST(DocxFields, ParsesHyperlinkFields)
{
    auto field = docx::parse_field(" HYPERLINK \"https://example.org/a b\" \\l \"part\" \\o \"The tip\" ");
    EXPECT_EQ(field.name, "HYPERLINK");
    auto link = docx::field_link(field);
    EXPECT_EQ(link.href, "https://example.org/a b#part");
    EXPECT_EQ(link.title, "The tip");
    EXPECT_EQ(docx::field_link(docx::parse_field("HYPERLINK \\l \"_Toc1\"")).href, "#_Toc1");
    EXPECT_TRUE(docx::field_link(docx::parse_field("PAGEREF _Toc1 \\h")).href.empty());
}

TEST(DocxSymbols, ReadsSymbolFonts)
{
    std::map<std::string, int> unmapped;
    EXPECT_EQ(docx::symbol_text("Symbol", "F061", unmapped), "α");
    EXPECT_EQ(docx::symbol_text("Wingdings", "F0FC", unmapped), "✓");
    EXPECT_EQ(docx::symbol_text("Arial", "00E9", unmapped), "é");
    EXPECT_EQ(docx::symbol_text("Symbol", "zz", unmapped), "");
    EXPECT_EQ(docx::symbol_font_text("Symbol", "a\uF028b", unmapped), "α(β");
    EXPECT_TRUE(unmapped.empty());
}

// Symbol's sans-serif ®©™ and its extenders once fell back to Latin-1 ("âãä", "½¾¿"), and
// every "Wingdings..." font used the Wingdings table (Wingdings 2's ③ and ❶ came out "●◆").
TEST(DocxSymbols, EachFontHasItsOwnTableAndNoCodeBecomesALetter)
{
    std::map<std::string, int> unmapped;
    EXPECT_EQ(docx::symbol_text("Symbol", "F0E2", unmapped) + docx::symbol_text("Symbol", "F0E3", unmapped) +
                  docx::symbol_text("Symbol", "F0E4", unmapped),
              "®©™");
    EXPECT_EQ(docx::symbol_text("Symbol", "F0BD", unmapped) + docx::symbol_text("Symbol", "F0BE", unmapped) +
                  docx::symbol_text("Symbol", "F0BF", unmapped),
              "⏐⎯↵");
    EXPECT_EQ(docx::symbol_text("Wingdings 2", "F06C", unmapped) + docx::symbol_text("Wingdings 2", "F075", unmapped), "③❶");
    EXPECT_EQ(docx::symbol_text("Wingdings", "F06C", unmapped) + docx::symbol_text("Wingdings", "F075", unmapped), "⚫◆");
    EXPECT_EQ(docx::symbol_text("Wingdings 3", "F021", unmapped), "⭠");
    EXPECT_EQ(docx::symbol_text("Webdings", "F075", unmapped), "🚇");
    EXPECT_TRUE(unmapped.empty());
    // Codes with no equivalent are kept as private use and counted.
    EXPECT_EQ(docx::symbol_text("Wingdings 2", "F0FA", unmapped), "\uF0FA");
    EXPECT_EQ(docx::symbol_text("Symbol", "F0F0", unmapped), "\uF0F0");  // the Apple logo
    EXPECT_EQ(unmapped["Wingdings 2"], 1);
    EXPECT_EQ(unmapped["Symbol"], 1);
    // No code of Symbol or Wingdings comes out as a Latin-1 letter (U+00C0-U+00FF).
    for (const char* font : {"Symbol", "Wingdings", "Wingdings 2", "Wingdings 3", "Webdings"}) {
        for (unsigned code = 0xF020; code <= 0xF0FF; ++code) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "%04X", code);
            const std::string text = docx::symbol_text(font, hex, unmapped);
            ASSERT_FALSE(text.empty()) << font << " " << hex;
            const bool latin1_letter = text.size() == 2 && static_cast<unsigned char>(text[0]) == 0xC3 &&
                                       text != "×" && text != "÷";  // Symbol's own signs
            EXPECT_FALSE(latin1_letter) << font << " " << hex << " gave " << text;
        }
    }
}

// The tables against the fonts' published charts. Symbol: Adobe's mapping of its encoding
// (VENDORS/ADOBE/symbol.txt), its corporate-use pieces given as their standard characters;
// "·" where it has none (0x60, the radical extender; 0xF0, the Apple logo; 0x7F-0x9F, 0xFF).
// Wingdings: the first row of Unicode 7.0's mapping of the font (UTC L2/12-368).
TEST(DocxSymbols, TablesMatchThePublishedCharts)
{
    const char* symbol_rows[] = {
        " !∀#∃%&∋()∗+,−./", "0123456789:;<=>?", "≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟ", "ΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_", "·αβχδεφγηιϕκλμνο",
        "πθρστυϖωξψζ{|}∼·", "················", "················", "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓", "°±″≥×∝∂•÷≠≡≈…⏐⎯↵",
        "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉", "∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓", "◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪", "·〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭·"};
    std::map<std::string, int> unmapped;
    int compared = 0;
    for (unsigned row = 0; row < 14; ++row) {
        std::u32string chart;
        for (std::size_t i = 0; symbol_rows[row][i];) {
            char32_t c = 0;
            const unsigned char b = static_cast<unsigned char>(symbol_rows[row][i]);
            const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            c = n == 1 ? b : b & (0xFF >> (n + 1));
            for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(symbol_rows[row][i + k]) & 0x3F);
            chart += c;
            i += static_cast<std::size_t>(n);
        }
        ASSERT_EQ(chart.size(), 16u) << row;
        for (unsigned col = 0; col < 16; ++col) {
            if (chart[col] == U'·') continue;
            char hex[8];
            std::snprintf(hex, sizeof hex, "F0%02X", 0x20 + row * 16 + col);
            EXPECT_EQ(docx::symbol_text("Symbol", hex, unmapped), docx::utf8(chart[col])) << "Symbol " << hex;
            ++compared;
        }
    }
    EXPECT_EQ(compared, 188);
    const char32_t wingdings_row[] = {U' ', U'\U0001F589', U'✂', U'✁', U'\U0001F453', U'\U0001F56D', U'\U0001F56E',
                                      U'\U0001F56F', U'\U0001F57F', U'✆', U'\U0001F582', U'\U0001F583', U'\U0001F4EA',
                                      U'\U0001F4EB', U'\U0001F4EC', U'\U0001F4ED', U'\U0001F5C0', U'\U0001F5C1', U'\U0001F5CE'};
    for (unsigned i = 0; i < std::size(wingdings_row); ++i) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "F0%02X", 0x20 + i);
        EXPECT_EQ(docx::symbol_text("Wingdings", hex, unmapped), docx::utf8(wingdings_row[i])) << "Wingdings " << hex;
    }
    EXPECT_TRUE(unmapped.empty());
}

TEST(DocxStyles, FindsHeadingsByNameChainAndOutline)
{
    pugi::xml_document doc;
    pugi::xml_node root = parsed(doc, std::string("<w:styles ") + w_ns + ">"
        "<w:style w:type=\"paragraph\" w:styleId=\"berschrift2\"><w:name w:val=\"Überschrift 2\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Mine\"><w:name w:val=\"My heading\"/><w:basedOn w:val=\"berschrift2\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Lvl\"><w:name w:val=\"Level\"/><w:pPr><w:outlineLvl w:val=\"3\"/></w:pPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"Loop\"><w:name w:val=\"Loop\"/><w:basedOn w:val=\"Loop\"/></w:style>"
        "<w:style w:type=\"character\" w:styleId=\"VerbatimChar\"><w:name w:val=\"Verbatim Char\"/></w:style>"
        "</w:styles>");
    docx::Styles styles(root);
    int level = 0;
    EXPECT_EQ(styles.role("Mine", &level), docx::StyleRole::heading);
    EXPECT_EQ(level, 2);
    EXPECT_EQ(styles.role("Lvl", &level), docx::StyleRole::heading);
    EXPECT_EQ(level, 4);
    EXPECT_EQ(styles.role("Loop", &level), docx::StyleRole::none);  // a cycle ends
    EXPECT_TRUE(styles.run_format("VerbatimChar", {}).code);
    docx::RunProperties direct;
    direct.bold = true;
    EXPECT_TRUE(styles.run_format("", direct).bold);
}

TEST(DocxNumbering, OverridesAndMissingLevels)
{
    pugi::xml_document doc;
    pugi::xml_node root = parsed(doc, std::string("<w:numbering ") + w_ns + ">"
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
        "</w:numbering>");
    docx::Numbering numbering(root);
    ASSERT_TRUE(numbering.level("1", 0));
    EXPECT_FALSE(numbering.level("1", 0)->bullet);
    EXPECT_EQ(numbering.level("2", 0)->start, 5);
    EXPECT_TRUE(numbering.overrides_start("2", 0));
    EXPECT_EQ(numbering.level("1", 3), numbering.level("1", 0));  // an undefined level looks like the one above
    EXPECT_EQ(numbering.level("9", 0), nullptr);
}

TEST(DocxMath, OfficeMathAsTex)
{
    pugi::xml_document doc;
    pugi::xml_node math = parsed(doc,
        "<m:oMath xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\">"
        "<m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:sSup><m:e><m:r><m:t>b</m:t></m:r></m:e>"
        "<m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:den></m:f>"
        "<m:rad><m:radPr><m:degHide m:val=\"1\"/></m:radPr><m:deg/><m:e><m:r><m:t>x</m:t></m:r></m:e></m:rad></m:oMath>");
    EXPECT_EQ(docx::omml_to_tex(math), "\\frac{a}{{b}^{2}}\\sqrt{x}");
}
