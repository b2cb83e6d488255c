#include "html/html_exporter.hpp"

#include "common/files.hpp"
#include "html/escape.hpp"
#include "html/page_style.hpp"
#include "html/renderer.hpp"
#include "html/safe_html.hpp"
#include "model/model.hpp"

namespace mimeo::html {
namespace {

std::string page_language(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles)
{
    std::string lang = model::publication(issue).child("language").text().get();
    if (lang.empty() && !articles.empty()) lang = model::language(articles.front());
    return lang.empty() ? "en" : lang;
}

std::string page_title(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles)
{
    if (pugi::xml_node publication = model::publication(issue)) {
        std::string title = model::text_of(publication.child("title"));
        if (pugi::xml_node number = issue.child("number")) title += " \u2014 Issue " + std::string(number.text().get());
        return title;
    }
    return articles.empty() ? "mimeo" : model::title(articles.front());
}

std::string contents(const std::vector<pugi::xml_node>& articles, const RenderOptions& options)
{
    std::string out = "<nav class=\"contents\" role=\"doc-toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n";
    for (pugi::xml_node article : articles) {
        out += "<li><a href=\"#" + escape(model::slug(article)) + "\">" +
               render_inlines(model::meta(article).child("title"), options) + "</a></li>\n";
    }
    return out + "</ol>\n</nav>\n";
}

void write_page(const ExportRequest& request)
{
    pugi::xml_node issue = model::issue_of(request.issue);
    const auto articles = model::articles(issue);
    const RawHtml raw_html = read_raw_html_option(request.options);
    std::string out;
    if (request.options.get_bool("fragment", false)) {
        RenderOptions fragment;
        apply_raw_html_policy(fragment, raw_html);
        for (pugi::xml_node article : articles) out += render_blocks(model::body(article), fragment);
        request.out.write(request.target, out);
        return;
    }
    const std::string lang = escape(page_language(issue, articles));
    out += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + lang + "\" xml:lang=\"" + lang +
           "\">\n<head>\n<meta charset=\"utf-8\" />\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
           "<meta name=\"generator\" content=\"mimeo\" />\n<title>" +
           escape(page_title(issue, articles)) + "</title>\n";
    if (std::string css = request.options.get_string("stylesheet"); !css.empty())
        out += "<style>\n" + read_file(css) + "\n</style>\n";
    else
        out += std::string("<style>") + page_stylesheet + "</style>\n";
    out += "</head>\n<body>\n";

    const bool several = articles.size() > 1;
    RenderOptions options;
    options.heading_offset = 1;
    apply_raw_html_policy(options, raw_html);
    if (model::publication(issue)) out += render_masthead(issue, options);
    if (several) out += contents(articles, options);
    for (pugi::xml_node article : articles) {
        const std::string slug = model::slug(article);
        options.id_prefix = several ? slug + "-" : "";
        std::string article_lang = model::language(article, "");
        out += "<article id=\"" + escape(slug) + "\"";
        if (!article_lang.empty()) out += " lang=\"" + escape(article_lang) + "\" xml:lang=\"" + escape(article_lang) + "\"";
        out += ">\n" + render_article(article, options) + "</article>\n";
    }
    out += "</body>\n</html>\n";
    request.out.write(request.target, out);
}

}  // namespace

Exporter exporter()
{
    return {"html",
            "the issue as one XHTML page: masthead, contents and every article",
            TargetKind::file,
            {{"fragment", OptionType::boolean, "false", "only the articles' body content, with no page around it"},
             {"stylesheet", OptionType::path, "", "a CSS file to use instead of the default style"},
             raw_html_option()},
            write_page};
}

}  // namespace mimeo::html
