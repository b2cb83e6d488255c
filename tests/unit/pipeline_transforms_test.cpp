// The transforms, each on a small article, and the import cache's round trip.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/files.hpp"
#include "model/model.hpp"
#include "model/validate.hpp"
#include "pipeline/article_cache.hpp"
#include "registry/import_article.hpp"
#include "temp_folder.hpp"
#include "transforms/transform.hpp"

namespace fs = std::filesystem;
using namespace mimeo;

namespace {

pugi::xml_document parse(const std::string& body)
{
    pugi::xml_document doc;
    const std::string xml = "<article xmlns=\"urn:mimeo:article:1\"><meta><title>T</title><slug>t</slug></meta><body>" + body + "</body></article>";
    EXPECT_TRUE(doc.load_string(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata));
    return doc;
}

std::string body_xml(const pugi::xml_document& doc)
{
    std::ostringstream out;
    for (pugi::xml_node child : model::body(model::article_of(doc)).children()) child.print(out, "", pugi::format_raw);
    return out.str();
}

void apply(const char* name, pugi::xml_document& doc, Diagnostics& diagnostics, const std::string& settings = "")
{
    const transforms::Transform* transform = transforms::find(name);
    ASSERT_NE(transform, nullptr) << name;
    transforms::Settings s{settings.empty() ? YAML::Node() : YAML::Load(settings), {"p.yaml", 1}, name, {}};
    transforms::check_settings(*transform, s);
    transform->apply(model::article_of(doc), s, "a.md", diagnostics);
    EXPECT_TRUE(model::validate_document(doc, "after.xml").empty()) << name << " keeps the article valid";
}

}  // namespace

TEST(Transforms, RegistryNamesTheFourAndDescribesEach)
{
    for (const char* name : {"smart-typography", "set-metadata", "number-sections", "strip-raw"}) {
        const transforms::Transform* t = transforms::find(name);
        ASSERT_NE(t, nullptr) << name;
        EXPECT_FALSE(t->description.empty());
    }
    EXPECT_EQ(transforms::find("nope"), nullptr);
}

TEST(SmartTypography, QuotesDashesAndEllipsesOutsideCode)
{
    auto doc = parse("<p>\"Hello,\" she said -- 'it's the '90s'... wait---no.</p>"
                     "<p>He read \"<em>War</em>\" and <code>\"x\" -- y...</code> (\"yes\")</p>"
                     "<code-block>a -- \"b\"</code-block><raw format=\"html\">&lt;b a=\"1\"&gt;--</raw>");
    Diagnostics d;
    apply("smart-typography", doc, d);
    EXPECT_EQ(body_xml(doc),
              "<p>“Hello,” she said – ‘it’s the ’90s’… wait—no.</p>"
              "<p>He read “<em>War</em>” and <code>\"x\" -- y...</code> (“yes”)</p>"
              "<code-block>a -- \"b\"</code-block><raw format=\"html\">&lt;b a=\"1\"&gt;--</raw>");
}

TEST(SmartTypography, TitleAndNotesToo)
{
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string("<article xmlns=\"urn:mimeo:article:1\"><meta><title>\"Smart\" machines</title>"
                                "<slug>t</slug></meta><body/><notes><note id=\"n1\" kind=\"footnote\"><p>See 'x'</p>"
                                "</note></notes></article>"));
    Diagnostics d;
    apply("smart-typography", doc, d);
    EXPECT_EQ(model::title(model::article_of(doc)), "“Smart” machines");
    EXPECT_STREQ(model::notes(model::article_of(doc)).child("note").child("p").text().get(), "See ‘x’");
}

TEST(NumberSections, NumbersByNestingToTheDepthAsked)
{
    const std::string body = "<section level=\"2\"><heading>A</heading>"
                             "<section level=\"3\"><heading>A1</heading></section>"
                             "<section level=\"3\"><heading>A2</heading>"
                             "<section level=\"4\"><heading>A2a</heading></section></section></section>"
                             "<quote><section level=\"2\"><heading>Q</heading></section></quote>"
                             "<section level=\"2\"><heading>B</heading></section>";
    auto doc = parse(body);
    Diagnostics d;
    apply("number-sections", doc, d);
    std::vector<std::string> numbers;
    for (pugi::xpath_node n : doc.select_nodes("//section")) numbers.push_back(n.node().attribute("number").value());
    EXPECT_EQ(numbers, (std::vector<std::string>{"1", "1.1", "1.2", "1.2.1", "", "2"}));

    auto shallow = parse(body);
    apply("number-sections", shallow, d, "{depth: 1}");
    numbers.clear();
    for (pugi::xpath_node n : shallow.select_nodes("//section")) numbers.push_back(n.node().attribute("number").value());
    EXPECT_EQ(numbers, (std::vector<std::string>{"1", "", "", "", "", "2"}));
}

TEST(StripRaw, DropsRawWithAWarningEach)
{
    auto doc = parse("<p>a<raw format=\"html\">&lt;br/&gt;</raw>b</p><raw format=\"tex\">\\newpage</raw>"
                     "<raw format=\"html\">&lt;hr/&gt;</raw>");
    Diagnostics d;
    d.echo_to(nullptr);
    apply("strip-raw", doc, d, "{keep: [tex]}");
    EXPECT_EQ(body_xml(doc), "<p>ab</p><raw format=\"tex\">\\newpage</raw>");
    auto all = d.all();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].code, "strip-raw");
    EXPECT_EQ(all[0].where.file, "a.md");
    EXPECT_NE(all[0].message.find("raw html inline"), std::string::npos) << all[0].message;
    EXPECT_NE(all[1].message.find("raw html block"), std::string::npos) << all[1].message;
}

TEST(SetMetadata, OverridesAndChecksStrictly)
{
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string("<article xmlns=\"urn:mimeo:article:1\"><meta><title>T</title><slug>t</slug>"
                                "<license>CC0</license></meta><body><p>x</p></body></article>"));
    Diagnostics d;
    apply("set-metadata", doc, d, "{license: CC BY 4.0, tags: [a, b]}");
    pugi::xml_node article = model::article_of(doc);
    EXPECT_EQ(model::meta_text(article, "license"), "CC BY 4.0");
    EXPECT_EQ(model::tags(article), (std::vector<std::string>{"a", "b"}));

    const transforms::Transform* t = transforms::find("set-metadata");
    transforms::Settings bad{YAML::Load("{licence: x}"), {"p.yaml", 1}, "transforms[0].set-metadata", {}};
    try {
        transforms::check_settings(*t, bad);
        ADD_FAILURE() << "a misspelt key must be an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostic().code, "unknown-key");
        EXPECT_NE(e.diagnostic().message.find("transforms[0].set-metadata.licence"), std::string::npos);
    }
}

// A cache in a folder of its own, and a fixture article imported, to store and read back.
class ArticleCacheTest : public ::testing::Test {
protected:
    ArticleCacheTest() : cache(folder.path() / "cache", false)
    {
        input.path = source;
        input.plan = plan_import(source, "markdown", "native", {});
        key = cache.key(input);
        Diagnostics d;
        import_file(source, "markdown", {}, imported, d);
    }

    // The one entry the cache holds.
    fs::path entry() const
    {
        for (auto& file : fs::recursive_directory_iterator(folder.path() / "cache"))
            if (file.is_regular_file()) return file.path();
        return {};
    }

    mimeo::testing::TempFolder folder;
    const fs::path source = fs::path(MIMEO_SOURCE_DIR) / "fixtures/articles/02-notes-and-links.md";
    pipeline::ArticleSource input;
    pipeline::ArticleCache cache;
    std::string key;
    pugi::xml_document imported;
};

TEST_F(ArticleCacheTest, RoundTripKeepsTheTreeAndWarnings)
{
    EXPECT_EQ(key.size(), 32u);
    std::vector<Diagnostic> warnings = {{Severity::warning, "no-title", {source.string(), 3, 1}, "a\tb\nc"}};
    pugi::xml_document missing;
    std::vector<Diagnostic> none;
    EXPECT_EQ(cache.load(key, source.string(), missing, none), pipeline::CacheRead::miss);
    cache.store(key, source.string(), imported, warnings);

    pugi::xml_document loaded;
    std::vector<Diagnostic> loaded_warnings;
    ASSERT_EQ(cache.load(key, "shown/as.md", loaded, loaded_warnings), pipeline::CacheRead::hit);
    EXPECT_EQ(model::to_xml(loaded), model::to_xml(imported));
    ASSERT_EQ(loaded_warnings.size(), 1u);
    EXPECT_EQ(loaded_warnings[0].message, "a\tb\nc");
    EXPECT_EQ(loaded_warnings[0].where.file, "shown/as.md");
    EXPECT_EQ(loaded_warnings[0].where.line, 3);

    // Other options, or another importer, make another key.
    pipeline::ArticleSource other = input;
    other.options_text = "smart: false\n";
    EXPECT_NE(cache.key(other), key);
    other = input;
    other.plan = plan_import(source, "commonmark", "native", {});
    EXPECT_NE(cache.key(other), key);

    // An entry of an older layout is a miss; a damaged one is reported, never an error.
    const std::string good = mimeo::read_file(entry());
    std::ofstream(entry()) << "mimeo-cache 1\n\n<article";
    pugi::xml_document again;
    EXPECT_EQ(cache.load(key, source.string(), again, loaded_warnings), pipeline::CacheRead::miss);
    std::ofstream(entry()) << good.substr(0, good.size() / 2);
    EXPECT_EQ(cache.load(key, source.string(), again, loaded_warnings), pipeline::CacheRead::corrupt);
}

// One flipped bit anywhere in an entry, its header included, is never used.
TEST_F(ArticleCacheTest, EveryFlippedByteIsCaught)
{
    cache.store(key, source.string(), imported, {{Severity::warning, "w", {source.string(), 1, 1}, "m"}});
    const std::string good = mimeo::read_file(entry());
    ASSERT_GT(good.size(), 500u);
    std::size_t used = 0;
    for (std::size_t at = 0; at < good.size(); ++at) {
        std::string bad = good;
        bad[at] = static_cast<char>(bad[at] ^ 0x01);
        std::ofstream(entry(), std::ios::binary) << bad;
        pugi::xml_document loaded;
        std::vector<Diagnostic> warnings;
        if (cache.load(key, source.string(), loaded, warnings) == pipeline::CacheRead::hit) ++used;
    }
    EXPECT_EQ(used, 0u);
}
