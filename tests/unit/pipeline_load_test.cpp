// Loading pipeline files: what a good file becomes, and how each mistake is reported
// (file:line:col, a stable code, the key's path) before anything runs.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "model/model.hpp"
#include "pipeline/input_files.hpp"
#include "pipeline/load_pipeline.hpp"
#include "pipeline/path_template.hpp"

namespace fs = std::filesystem;
using namespace mimeo;

namespace {

class PipelineLoad : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string pattern = (fs::temp_directory_path() / "mimeo-pipeline-load-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        folder = pattern;
        fs::create_directories(folder / "articles" / "more");
        for (const char* name : {"b.md", "a.md", "c.md", "more/d.md", ".hidden.md"})
            std::ofstream(folder / "articles" / name) << "# Title\n\nText.\n";
    }
    void TearDown() override { fs::remove_all(folder); }

    fs::path write(const std::string& text)
    {
        fs::path file = folder / "p.yaml";
        std::ofstream(file) << text;
        return file;
    }

    // The error loading `text` gives; fails the test when it loads.
    Diagnostic error_of(const std::string& text)
    {
        try {
            pipeline::load_pipeline(write(text));
        } catch (const Error& e) {
            return e.diagnostic();
        }
        ADD_FAILURE() << "expected an error for:\n" << text;
        return {};
    }

    fs::path folder;
};

const std::string good_outputs = "outputs:\n  - {format: html, path: out/issue.html}\n";

}  // namespace

TEST_F(PipelineLoad, GoodFileResolvesGlobsSortedAndPathsAgainstItsFolder)
{
    auto p = pipeline::load_pipeline(write("publication: {title: The Lamplighter}\n"
                                           "issue: {number: 418, date: 2025-04-14}\n"
                                           "inputs:\n  - articles/c.md\n  - articles/*.md\n"
                                           "transforms: [smart-typography, {number-sections: {depth: 2}}]\n"
                                           "outputs:\n"
                                           "  - {format: html, path: 'out/issue-${issue.number}.html', fragment: true}\n"
                                           "  - {format: xml, path: 'out/${article.slug}', check: true}\n"));
    ASSERT_EQ(p->inputs.size(), 3u);  // c.md once, where it first appears; the hidden file left out
    EXPECT_EQ(p->inputs[0].path, (folder / "articles/c.md").lexically_normal());
    EXPECT_EQ(p->inputs[1].path.filename(), "a.md");
    EXPECT_EQ(p->inputs[2].path.filename(), "b.md");
    EXPECT_EQ(p->inputs[0].plan.importer->name, "markdown");
    ASSERT_EQ(p->transforms.size(), 2u);
    EXPECT_EQ(p->transforms[1].transform->name, "number-sections");
    ASSERT_EQ(p->outputs.size(), 2u);
    EXPECT_EQ(p->outputs[0].path, "out/issue-418.html");
    EXPECT_FALSE(p->outputs[0].per_article);
    EXPECT_TRUE(p->outputs[0].options.get_bool("fragment"));
    EXPECT_TRUE(p->outputs[1].per_article);
    EXPECT_TRUE(p->outputs[1].check);
    EXPECT_EQ(p->outputs[1].target("/x", "my-slug"), fs::path("/x/out/my-slug"));
    EXPECT_EQ(model::text_of(model::publication(model::issue_of(p->issue)).child("title")), "The Lamplighter");
    EXPECT_EQ(*p->cache, folder / ".mimeo-cache");
}

TEST_F(PipelineLoad, DoubleStarMatchesAnyDepth)
{
    auto matches = pipeline::match_files(folder, "articles/**/*.md");
    EXPECT_FALSE(matches.too_wide);
    ASSERT_EQ(matches.files.size(), 4u);
    EXPECT_EQ(matches.files.back().filename(), "d.md");
}

// Found by fuzz_pipeline: '//*////*//*////*///*' walked five levels of the whole machine.
TEST_F(PipelineLoad, AGlobReadsABoundedNumberOfEntries)
{
    const auto enough = pipeline::match_files(folder, "articles/**/*.md", 100);
    EXPECT_FALSE(enough.too_wide);
    EXPECT_EQ(enough.files.size(), 4u);
    const auto stopped = pipeline::match_files(folder, "articles/**/*.md", 3);
    EXPECT_TRUE(stopped.too_wide);
    EXPECT_TRUE(stopped.files.empty());
    EXPECT_TRUE(pipeline::match_files(folder, "*/*", 1).too_wide);
    // And a bounded time: a walk past its deadline stops, however few entries it has read.
    EXPECT_TRUE(pipeline::match_files(folder, "articles/**/*.md", pipeline::max_glob_entries,
                                      std::chrono::milliseconds(-1)).too_wide);
}

// A glob stays in its tree: ** does not descend into a symlinked folder, a wildcard passes over
// a symlink out of the tree (and says so), and a component the pattern spells out is followed.
TEST_F(PipelineLoad, AGlobDoesNotFollowSymlinksOutOfItsTree)
{
    const fs::path elsewhere = folder.parent_path() / (folder.filename().string() + "-elsewhere");
    fs::create_directories(elsewhere);
    std::ofstream(elsewhere / "secret.md") << "# Secret\n";
    fs::create_directory_symlink(elsewhere, folder / "articles" / "linked");
    fs::create_symlink(elsewhere / "secret.md", folder / "articles" / "evil.md");
    const auto matches = pipeline::match_files(folder, "articles/**/*.md");
    EXPECT_EQ(matches.files.size(), 4u);
    for (const auto& file : matches.files) EXPECT_EQ(file.string().find("secret"), std::string::npos) << file;
    ASSERT_EQ(matches.left_out.size(), 2u);
    EXPECT_EQ(matches.left_out[0].filename(), "linked");
    EXPECT_EQ(matches.left_out[1].filename(), "evil.md");
    EXPECT_EQ(pipeline::match_files(folder, "articles/linked/*.md").files.size(), 1u);
    fs::remove_all(elsewhere);
}

TEST_F(PipelineLoad, InputMapsTakeFromAndOptions)
{
    auto p = pipeline::load_pipeline(write("inputs:\n  - {path: articles/a.md, from: commonmark}\n"
                                           "  - {path: articles/b.md, engine: native, options: {smart: false}}\n" +
                                           good_outputs));
    EXPECT_EQ(p->inputs[0].plan.importer->name, "commonmark");
    EXPECT_FALSE(p->inputs[1].plan.options.get_bool("smart"));
    EXPECT_NE(p->inputs[1].options_text, p->inputs[0].options_text);
}

TEST_F(PipelineLoad, CacheCanMoveOrBeTurnedOff)
{
    EXPECT_EQ(*pipeline::load_pipeline(write("cache: tmp/c\ninputs: [articles/a.md]\n" + good_outputs))->cache,
              folder / "tmp/c");
    EXPECT_FALSE(pipeline::load_pipeline(write("cache: false\ninputs: [articles/a.md]\n" + good_outputs))->cache);
}

TEST_F(PipelineLoad, UnknownKeyIsLocatedAndNamed)
{
    Diagnostic d = error_of("inputs: [articles/a.md]\noutputs:\n  - {format: html, path: x.html}\ntransform: []\n");
    EXPECT_EQ(d.code, "unknown-key");
    EXPECT_EQ(d.where.file, (folder / "p.yaml").string());
    EXPECT_EQ(d.where.line, 4);
    EXPECT_EQ(d.where.column, 1);
    EXPECT_NE(d.message.find("'transform'"), std::string::npos) << d.message;

    d = error_of("issue: {number: 1, nmber: 2}\ninputs: [articles/a.md]\n" + good_outputs);
    EXPECT_EQ(d.code, "unknown-key");
    EXPECT_EQ(d.where.line, 1);
    EXPECT_EQ(d.where.column, 20);
    EXPECT_NE(d.message.find("'issue.nmber'"), std::string::npos) << d.message;

    d = error_of("defaults:\n  source: {publication: X, edition: 2}\ninputs: [articles/a.md]\n" + good_outputs);
    EXPECT_EQ(d.code, "unknown-key");
    EXPECT_EQ(d.where.line, 2);
    EXPECT_NE(d.message.find("source.edition"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("defaults"), std::string::npos) << d.message;
}

TEST_F(PipelineLoad, WrongTypeIsLocatedAndNamed)
{
    Diagnostic d = error_of("inputs: articles/a.md\n" + good_outputs);
    EXPECT_EQ(d.code, "yaml-type");
    EXPECT_EQ(d.where.line, 1);
    EXPECT_EQ(d.where.column, 9);
    EXPECT_NE(d.message.find("'inputs'"), std::string::npos) << d.message;

    d = error_of("inputs: [articles/a.md]\noutputs:\n  - format: html\n    path: x.html\n    check: maybe\n");
    EXPECT_EQ(d.code, "yaml-type");
    EXPECT_EQ(d.where.line, 5);
    EXPECT_EQ(d.where.column, 12);
    EXPECT_NE(d.message.find("'outputs[0].check'"), std::string::npos) << d.message;

    d = error_of("inputs: [articles/a.md]\ntransforms: [{number-sections: {depth: deep}}]\n" + good_outputs);
    EXPECT_EQ(d.code, "yaml-type");
    EXPECT_NE(d.message.find("'transforms[0].number-sections.depth'"), std::string::npos) << d.message;

    d = error_of("inputs: [articles/a.md]\noutputs:\n  - {format: html, path: x.html, fragment: [1]}\n");
    EXPECT_EQ(d.code, "option-type");
    EXPECT_EQ(d.where.line, 3);
    EXPECT_NE(d.message.find("outputs[0]"), std::string::npos) << d.message;
}

TEST_F(PipelineLoad, MissingRequiredKeyIsNamed)
{
    Diagnostic d = error_of(good_outputs);
    EXPECT_EQ(d.code, "missing-key");
    EXPECT_EQ(d.where.line, 1);
    EXPECT_NE(d.message.find("'inputs'"), std::string::npos) << d.message;

    d = error_of("inputs: [articles/a.md]\noutputs:\n  - path: x.html\n");
    EXPECT_EQ(d.code, "missing-key");
    EXPECT_EQ(d.where.line, 3);
    EXPECT_EQ(d.where.column, 5);
    EXPECT_NE(d.message.find("'outputs[0].format'"), std::string::npos) << d.message;

    d = error_of("inputs:\n  - {from: markdown}\n" + good_outputs);
    EXPECT_EQ(d.code, "missing-key");
    EXPECT_NE(d.message.find("'inputs[0].path'"), std::string::npos) << d.message;

    d = error_of("");
    EXPECT_EQ(d.code, "missing-key");
}

TEST_F(PipelineLoad, GlobMatchingNothingIsAnError)
{
    Diagnostic d = error_of("inputs:\n  - articles/a.md\n  - drafts/*.md\n" + good_outputs);
    EXPECT_EQ(d.code, "no-match");
    EXPECT_EQ(d.where.line, 3);
    EXPECT_EQ(d.where.column, 5);
    EXPECT_NE(d.message.find("'inputs[1]'"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("drafts/*.md"), std::string::npos) << d.message;

    d = error_of("inputs: [articles/missing.md]\n" + good_outputs);
    EXPECT_EQ(d.code, "read");
}

TEST_F(PipelineLoad, UnknownFormatOrTransformIsAnError)
{
    Diagnostic d = error_of("inputs: [articles/a.md]\noutputs:\n  - {format: pdf, path: x.pdf}\n");
    EXPECT_EQ(d.code, "unknown-format");
    EXPECT_EQ(d.where.line, 3);
    EXPECT_EQ(d.where.column, 14);
    EXPECT_NE(d.message.find("'outputs[0].format'"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("pdf"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("html"), std::string::npos) << "names the formats that exist: " << d.message;

    d = error_of("inputs: [articles/a.md]\ntransforms:\n  - smart-typography\n  - smart-quotes\n" + good_outputs);
    EXPECT_EQ(d.code, "unknown-transform");
    EXPECT_EQ(d.where.line, 4);
    EXPECT_EQ(d.where.column, 5);
    EXPECT_NE(d.message.find("'transforms[1]'"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("strip-raw"), std::string::npos) << "names the transforms that exist: " << d.message;

    // pandoc's formats are known (from: docbook, from: pandoc-markdown), as with --from.
    d = error_of("inputs:\n  - {path: articles/a.md, from: wordstar}\n" + good_outputs);
    EXPECT_EQ(d.code, "unknown-format");
    EXPECT_EQ(d.where.line, 2);
    EXPECT_NE(d.message.find("'inputs[0].from'"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("'wordstar'"), std::string::npos) << d.message;
}

TEST_F(PipelineLoad, OtherMistakesCaughtBeforeRunning)
{
    // A format option the exporter does not declare.
    Diagnostic d = error_of("inputs: [articles/a.md]\noutputs:\n  - {format: html, path: x.html, colour: red}\n");
    EXPECT_EQ(d.code, "unknown-option");
    // An engine that does not exist.
    d = error_of("inputs:\n  - {path: articles/a.md, engine: word}\n" + good_outputs);
    EXPECT_EQ(d.code, "engine");
    EXPECT_NE(d.message.find("known: native, pandoc"), std::string::npos) << d.message;
    // A path variable the issue does not set, or that does not exist.
    d = error_of("inputs: [articles/a.md]\noutputs:\n  - {format: html, path: 'i-${issue.number}.html'}\n");
    EXPECT_EQ(d.code, "path-variable");
    d = error_of("inputs: [articles/a.md]\noutputs:\n  - {format: html, path: '${article.title}.html'}\n");
    EXPECT_EQ(d.code, "path-variable");
    // A key given twice, at the top or inside an output.
    d = error_of("inputs: [articles/a.md]\noutputs:\n  - {format: html, path: x.html}\ninputs: [articles/b.md]\n");
    EXPECT_EQ(d.code, "duplicate-key");
    EXPECT_EQ(d.where.line, 4);
    EXPECT_NE(d.message.find("'inputs' is given twice: first at line 1, again at line 4"), std::string::npos) << d.message;
    d = error_of("inputs: [articles/a.md]\noutputs:\n  - format: html\n    path: x.html\n    path: y.html\n");
    EXPECT_EQ(d.code, "duplicate-key");
    EXPECT_NE(d.message.find("'outputs[0].path'"), std::string::npos) << d.message;
    // Two outputs to one file.
    d = error_of("inputs: [articles/a.md]\noutputs:\n  - {format: html, path: x.html}\n"
                 "  - {format: html, path: ./x.html, fragment: true}\n");
    EXPECT_EQ(d.code, "duplicate-output");
    EXPECT_EQ(d.where.line, 4);
    // A check for a format that has none; set-metadata without metadata; a bad date in defaults.
    d = error_of("inputs: [articles/a.md]\noutputs:\n  - {format: pandoc, path: x.odt, to: odt, check: true}\n");
    EXPECT_EQ(d.code, "no-check");
    d = error_of("inputs: [articles/a.md]\ntransforms: [set-metadata]\n" + good_outputs);
    EXPECT_EQ(d.code, "missing-key");
    d = error_of("defaults: {date: April}\ninputs: [articles/a.md]\n" + good_outputs);
    EXPECT_EQ(d.code, "yaml-type");
    EXPECT_EQ(d.where.line, 1);
}

TEST(PathTemplate, ExpandsIssueVariablesAndLeavesTheSlug)
{
    pugi::xml_document doc;
    pugi::xml_node issue = model::new_issue(doc);
    model::issue_field(issue, "number").text().set("418");
    model::issue_field(issue, "date").text().set("2025-04-14");
    const std::string path =
        pipeline::expand_issue_variables("${issue.date}/n${issue.number}/${article.slug}.xml", issue, {}, "p");
    EXPECT_EQ(path, "2025-04-14/n418/${article.slug}.xml");
    EXPECT_TRUE(pipeline::names_article_slug(path));
    EXPECT_EQ(pipeline::expand_article_slug(path, "a-b"), "2025-04-14/n418/a-b.xml");
    EXPECT_THROW(pipeline::expand_issue_variables("${issue.number", issue, {}, "p"), Error);
}
