#include <gtest/gtest.h>

#include "feed/feed_content.hpp"
#include "feed/link_template.hpp"
#include "model/model.hpp"
#include "model/named_address.hpp"

using namespace mimeo;

TEST(FeedPerson, ReadsTheUsualForms)
{
    auto rss = model::parse_named_address("editors@paper.example.org (The Editors)");
    EXPECT_EQ(rss.email, "editors@paper.example.org");
    EXPECT_EQ(rss.name, "The Editors");
    auto mail = model::parse_named_address("Dana Okafor <dana@paper.example.org>");
    EXPECT_EQ(mail.email, "dana@paper.example.org");
    EXPECT_EQ(mail.name, "Dana Okafor");
    EXPECT_EQ(model::parse_named_address("desk@paper.example.org").email, "desk@paper.example.org");
    auto name = model::parse_named_address("The Editors (weekdays)");
    EXPECT_EQ(name.name, "The Editors (weekdays)");
    EXPECT_EQ(name.email, "");
}

namespace {

struct TemplateFixture {
    pugi::xml_document doc;
    pugi::xml_node issue = model::new_issue(doc);
    pugi::xml_node article;
    TemplateFixture()
    {
        model::issue_field(issue, "publication").append_child("title").text().set("Paper");
        model::publication(issue).append_child("url").text().set("https://paper.example.org/");
        model::issue_field(issue, "number").text().set("418");
        article = issue.child("articles").append_child("article");
        article.append_child("meta");
        article.append_child("body");
        model::meta_field(article, "title").text().set("Rents");
        model::meta_field(article, "slug").text().set("rents");
        model::meta_field(article, "date").text().set("2025-04-10");
    }
};

}  // namespace

TEST(FeedTemplate, ExpandsVariables)
{
    TemplateFixture f;
    const mimeo::Location here{"pipeline.yaml", 3, 5};
    EXPECT_EQ(feed::expand_template("${publication.url}${article.slug}/", f.issue, f.article, here),
              "https://paper.example.org/rents/");
    EXPECT_EQ(feed::expand_template("${publication.url}${issue.number}/${article.year}/${article.slug}.html", f.issue,
                                    f.article, here),
              "https://paper.example.org/418/2025/rents.html");
    EXPECT_EQ(feed::expand_template("tag:paper.example.org,2025:${article.slug}", f.issue, f.article, here),
              "tag:paper.example.org,2025:rents");
}

TEST(FeedTemplate, RefusesUnknownAndEmptyVariables)
{
    TemplateFixture f;
    const mimeo::Location here{"pipeline.yaml", 3, 5};
    try {
        feed::expand_template("${publication.url}${article.title}", f.issue, f.article, here);
        FAIL() << "an unknown variable was accepted";
    } catch (const mimeo::Error& e) {
        EXPECT_EQ(e.diagnostic().code, "feed-template");
        EXPECT_EQ(e.diagnostic().where.line, 3);
        EXPECT_NE(std::string(e.what()).find("article.title"), std::string::npos);
    }
    EXPECT_THROW(feed::expand_template("${issue.volume}/${article.slug}", f.issue, f.article, here), mimeo::Error);
    EXPECT_THROW(feed::expand_template("${article.slug", f.issue, f.article, here), mimeo::Error);
}
