// The shared safety rules: where an article's image may come from (model/image_path) and
// what the raw-html option does to render options (html/safe_html).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/diagnostics.hpp"
#include "html/safe_html.hpp"
#include "model/image_path.hpp"
#include "model/model.hpp"

using namespace mimeo;
namespace fs = std::filesystem;

namespace {

class ImagePath : public ::testing::Test {
protected:
    void SetUp() override
    {
        root_ = fs::temp_directory_path() / ("mimeo-image-path-" + std::to_string(::getpid()));
        fs::create_directories(root_ / "site" / "images");
        fs::create_directories(root_ / "site-b");
        std::ofstream(root_ / "secret.png") << "x";
        std::ofstream(root_ / "site" / "images" / "ok.png") << "x";
        fs::create_symlink(root_ / "secret.png", root_ / "site" / "images" / "link.png");
        article_ = model::new_article(doc_);
        article_.prepend_attribute("base") = (root_ / "site").string().c_str();
    }
    void TearDown() override { fs::remove_all(root_); }

    std::string code_of(const std::string& src)
    {
        try {
            model::resolve_image(src, article_, false);
        } catch (const Error& e) {
            return e.diagnostic().code;
        }
        return "";
    }

    fs::path root_;
    pugi::xml_document doc_;
    pugi::xml_node article_;
};

TEST_F(ImagePath, InsideTheFolderResolves)
{
    EXPECT_EQ(model::resolve_image("images/ok.png", article_, false), fs::canonical(root_ / "site" / "images" / "ok.png"));
    EXPECT_EQ(model::resolve_image("images/../images/ok.png", article_, false).filename(), "ok.png");
    EXPECT_EQ(model::resolve_image("images/not-there.png", article_, false).filename(), "not-there.png");
}

TEST_F(ImagePath, OutsideIsRefused)
{
    EXPECT_EQ(code_of("../secret.png"), "image-outside");
    EXPECT_EQ(code_of("%2E%2E/secret.png"), "image-outside");
    EXPECT_EQ(code_of((root_ / "secret.png").string()), "image-outside");
    EXPECT_EQ(code_of("/etc/passwd"), "image-outside");
    EXPECT_EQ(code_of("images/link.png"), "image-outside");  // a symlink out
    EXPECT_EQ(code_of("../site-b/x.png"), "image-outside");  // a sibling whose name starts alike
    EXPECT_EQ(code_of("."), "image-outside");                 // the folder itself is no image
}

TEST_F(ImagePath, OutsideWhenAllowed)
{
    EXPECT_EQ(model::resolve_image("../secret.png", article_, true), fs::canonical(root_ / "secret.png"));
}

TEST(SafeHtml, SanitizeFiltersLinksAndRawHtml)
{
    html::RenderOptions options;
    options.rewrite_url = [](std::string_view url, bool) { return "https://x.org/" + std::string(url); };
    html::apply_raw_html_policy(options, html::RawHtml::sanitize);
    EXPECT_EQ(options.rewrite_url("JavaScript:alert(1)", false), "");
    EXPECT_EQ(options.rewrite_url("data:text/html,x", true), "");
    EXPECT_EQ(options.rewrite_url("a.png", true), "https://x.org/a.png");
    ASSERT_TRUE(options.filter_raw_html);
    const std::string out = options.filter_raw_html("<p onclick=\"x()\">hi<script>x()</script></p>");
    EXPECT_EQ(out.find("script"), std::string::npos);
    EXPECT_EQ(out.find("onclick"), std::string::npos);
    EXPECT_NE(out.find("hi"), std::string::npos);
}

TEST(SafeHtml, KeepIsVerbatimUnlessXhtml)
{
    html::RenderOptions verbatim;
    html::apply_raw_html_policy(verbatim, html::RawHtml::keep);
    EXPECT_FALSE(verbatim.filter_raw_html);
    html::RenderOptions xhtml;
    html::apply_raw_html_policy(xhtml, html::RawHtml::keep, true);
    ASSERT_TRUE(xhtml.filter_raw_html);
    EXPECT_NE(xhtml.filter_raw_html("<script>x()</script>").find("<script"), std::string::npos);
}

}  // namespace
