#include "epub/pages.hpp"

#include "html/escape.hpp"
#include "model/model.hpp"
#include "model/provenance.hpp"
#include "model/wording.hpp"

namespace mimeo::epub {
namespace {

inline constexpr const char* css_from_text = "../style.css";

void paragraph(std::string& out, const char* css_class, const std::string& escaped)
{
    if (escaped.empty()) return;
    out += std::string("<p class=\"") + css_class + "\">" + escaped + "</p>\n";
}

}  // namespace

std::string xhtml_page(std::string_view title, std::string_view lang, std::string_view css_href, std::string_view body)
{
    const std::string language = html::escape(lang);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                      "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"" +
                      language + "\" xml:lang=\"" + language + "\">\n<head>\n<meta charset=\"utf-8\" />\n<title>";
    html::escape(title, out);
    out += "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"";
    html::escape(css_href, out);
    out += "\" />\n</head>\n<body>\n";
    out += body;
    out += "</body>\n</html>\n";
    return out;
}

std::string book_title(const Book& book)
{
    pugi::xml_node publication = model::publication(book.issue);
    if (!book.whole_issue || !publication) {
        if (book.articles.empty()) return model::say(book.language, "untitled");
        return book.whole_issue && book.issue.child("title") ? model::text_of(book.issue.child("title"))
                                                              : model::title(book.articles.front());
    }
    std::string title = model::text_of(publication.child("title"));
    if (pugi::xml_node number = book.issue.child("number"))
        title += " \u2014 " + model::say(book.language, "issue", number.text().get());
    return title;
}

std::string text_cover_page(const Book& book, const std::string& title, const html::RenderOptions& options)
{
    pugi::xml_node publication = model::publication(book.issue);
    std::string body = "<section class=\"cover\" epub:type=\"cover\">\n";
    if (book.whole_issue && publication) {
        paragraph(body, "cover-title", html::render_inlines(publication.child("title"), options));
        paragraph(body, "cover-subtitle", html::render_inlines(book.issue.child("title"), options));
        paragraph(body, "cover-line", html::escape(model::issue_line(book.issue)));
    } else if (book.whole_issue && book.articles.size() > 1) {
        // Several articles with no publication: the issue's title, or the first article's.
        paragraph(body, "cover-title", html::escape(title));
        paragraph(body, "cover-line", html::escape(model::issue_line(book.issue)));
    } else if (!book.articles.empty()) {
        pugi::xml_node article = book.articles.front();
        pugi::xml_node meta = model::meta(article);
        paragraph(body, "cover-title", html::render_inlines(meta.child("title"), options));
        paragraph(body, "cover-subtitle", html::render_inlines(meta.child("subtitle"), options));
        auto authors = model::contributors(article, "author");
        if (!authors.empty())
            paragraph(body, "cover-line", html::escape(model::local_list(authors, model::language(article, book.language))));
        if (publication) {
            std::string from = model::text_of(publication.child("title"));
            if (std::string line = model::issue_line(book.issue); !line.empty()) from += ", " + line;
            paragraph(body, "cover-line", html::escape(from));
        }
    }
    body += "</section>\n";
    return xhtml_page(title, book.language, css_from_text, body);
}

std::string image_cover_page(const Book& book, const std::string& title, const std::string& image_href,
                             const std::string& alt)
{
    std::string body = "<section class=\"cover-image\" epub:type=\"cover\">\n<img src=\"";
    html::escape_url(image_href, body);
    body += "\" alt=\"";
    html::escape(alt, body);
    body += "\" />\n</section>\n";
    return xhtml_page(title, book.language, css_from_text, body);
}

std::string masthead_page(const Book& book, const std::string& title, const html::RenderOptions& options)
{
    std::string body = "<section epub:type=\"titlepage\">\n" + html::render_masthead(book.issue, options) +
                       html::render_imprint(book.issue, book.articles, options) + "</section>\n";
    return xhtml_page(title, book.language, css_from_text, body);
}

std::string article_page(const Book& book, pugi::xml_node article, const html::RenderOptions& options)
{
    const std::string lang = model::language(article, book.language);
    // A section: ARIA lets doc-chapter, the role that matches epub:type, on it and not on <article>.
    std::string body = "<section epub:type=\"chapter\" role=\"doc-chapter\">\n";
    body += html::render_article(article, options);
    body += "</section>\n";
    return xhtml_page(model::title(article), lang, css_from_text, body);
}

}  // namespace mimeo::epub
