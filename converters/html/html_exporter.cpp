#include "html/html_exporter.hpp"

#include "common/files.hpp"
#include "html/escape.hpp"
#include "html/issue_page.hpp"
#include "html/page_style.hpp"
#include "html/renderer.hpp"
#include "html/safe_html.hpp"
#include "model/model.hpp"
#include "model/wording.hpp"

namespace mimeo::html {
namespace {

std::string page_title(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles)
{
    if (pugi::xml_node publication = model::publication(issue)) {
        std::string title = model::text_of(publication.child("title"));
        if (pugi::xml_node number = issue.child("number")) title += " \u2014 Issue " + std::string(number.text().get());
        return title;
    }
    return articles.empty() ? "mimeo" : model::title(articles.front());
}

void write_page(const ExportRequest& request)
{
    pugi::xml_node issue = model::issue_of(request.issue);
    const auto articles = model::articles(issue);
    const RawHtml raw_html = read_raw_html_option(request.options);
    if (request.options.get_bool("fragment")) {
        std::string out;
        RenderOptions fragment;
        apply_raw_html_policy(fragment, raw_html);
        // Several articles share the fragment: their note ids are kept apart by their slugs.
        for (pugi::xml_node article : articles) out += render_article_body(article, fragment);
        request.out.write(request.target, out);
        return;
    }
    const std::string lang = escape(issue_language(issue, articles, "en"));
    PageParts page;
    page.html_attributes = " lang=\"" + lang + "\" xml:lang=\"" + lang + "\"";
    page.head = "<meta charset=\"utf-8\" />\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
                "<meta name=\"generator\" content=\"mimeo\" />\n<title>" +
                escape(page_title(issue, articles)) + "</title>\n";
    if (std::string css = request.options.get_string("stylesheet"); !css.empty())
        page.head += "<style>\n" + read_file(css) + "\n</style>\n";
    else
        page.head += std::string("<style>") + page_stylesheet + "</style>\n";
    // After the stylesheet, so that its rules win over those of the same weight.
    if (std::string extra = request.options.get_string("extra-css"); !extra.empty())
        page.head += "<style>\n" + read_file(extra) + "\n</style>\n";
    page.body_open = "<body>\n";
    page.page_close = "</body>\n</html>\n";
    page.contents = [lang](const std::vector<pugi::xml_node>& listed, const RenderOptions& options) {
        const std::string contents = escape(model::say(lang, "contents"));
        return "<nav class=\"contents\" role=\"doc-toc\" aria-label=\"" + contents + "\">\n<h2>" + contents +
               "</h2>\n<ol>\n" +
               contents_items(listed, options) + "</ol>\n</nav>\n";
    };
    page.article = [](pugi::xml_node article, const RenderOptions& options) {
        const std::string article_lang = model::language(article, "");
        std::string out = "<article id=\"" + escape(model::slug(article)) + "\"";
        if (!article_lang.empty()) out += " lang=\"" + escape(article_lang) + "\" xml:lang=\"" + escape(article_lang) + "\"";
        return out + ">\n" + render_article(article, options) + "</article>\n";
    };
    RenderOptions options;
    options.heading_offset = 1;
    apply_raw_html_policy(options, raw_html);
    request.out.write(request.target, issue_page(issue, articles, options, page));
}

}  // namespace

Exporter exporter()
{
    return {"html",
            "the issue as one XHTML page: masthead, contents and every article",
            TargetKind::file,
            {{"fragment", OptionType::boolean, "false",
              "only the articles' content, with their notes and references after it and no page around it (also `--fragment`)"},
             {"stylesheet", OptionType::path, "", "a CSS file to use instead of the default style", {}, {}, {},
              "built in"},
             {"extra-css", OptionType::path, "", "a CSS file whose rules are added after the stylesheet's, to change a few"},
             raw_html_option()},
            write_page};
}

}  // namespace mimeo::html
