#include "email/compose.hpp"

#include <cctype>

#include "html/escape.hpp"
#include "html/issue_page.hpp"
#include "html/renderer.hpp"
#include "html/safe_html.hpp"
#include "model/model.hpp"
#include "model/wording.hpp"
#include "text/article_text.hpp"
#include "text/inline_text.hpp"
#include "text/issue_text.hpp"

namespace mimeo::email {
namespace {

std::string percent_decoded(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// "write to a@b with the subject “unsubscribe”" from mailto:a@b?subject=unsubscribe
std::string mailto_text(std::string_view url)
{
    std::string_view rest = url.substr(7);
    const auto query = rest.find('?');
    std::string out = "write to " + percent_decoded(rest.substr(0, query));
    if (query != std::string_view::npos) {
        std::string_view params = rest.substr(query + 1);
        for (std::size_t start = 0; start <= params.size();) {
            auto end = params.find('&', start);
            if (end == std::string_view::npos) end = params.size();
            std::string_view param = params.substr(start, end - start);
            if (param.rfind("subject=", 0) == 0)
                out += " with the subject \u201C" + percent_decoded(param.substr(8)) + "\u201D";
            start = end + 1;
        }
    }
    return out;
}

// The footer's own lines; the caller puts the signature separator "-- " above them.
void footer(text::Layout& out, pugi::xml_node issue, const Settings& settings)
{
    pugi::xml_node publication = model::publication(issue);
    std::string who = text::collapse_spaces(model::text_of(publication.child("title")));
    if (std::string url = publication.child("url").text().get(); !url.empty())
        who += (who.empty() ? "" : " \u00B7 ") + url;
    if (!who.empty()) out.paragraph(who);
    out.paragraph("You receive this newsletter because you subscribed to it. " +
                  unsubscribe_text(settings.list_unsubscribe));
    if (std::string rights = publication.child("rights").text().get(); !rights.empty())
        out.paragraph(text::collapse_spaces(rights));
    if (!settings.footer.empty()) {
        std::string_view rest = settings.footer;
        while (!rest.empty()) {  // the option's own lines stay lines (a postal address)
            const auto end = rest.find('\n');
            const std::string line = text::collapse_spaces(rest.substr(0, end));
            if (!line.empty()) out.paragraph(line);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        }
    }
}

bool is_absolute(std::string_view url)
{
    const auto colon = url.find(':');
    const auto slash = url.find('/');
    return colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash);
}

}  // namespace

std::string unsubscribe_text(const std::vector<std::string>& urls)
{
    std::string https, mailto;
    for (const auto& url : urls) {
        if (url.rfind("https://", 0) == 0 && https.empty()) https = url;
        if (url.rfind("mailto:", 0) == 0 && mailto.empty()) mailto = url;
    }
    // The URL ends the sentence: a full stop after it would join the link in some readers.
    if (!https.empty() && !mailto.empty()) return "To unsubscribe, " + mailto_text(mailto) + ", or visit " + https;
    if (!https.empty()) return "To unsubscribe, visit " + https;
    if (!mailto.empty()) return "To unsubscribe, " + mailto_text(mailto) + ".";
    return "To unsubscribe, reply to this message and say so.";
}

std::vector<text::Line> text_body(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles,
                                  const Settings& settings)
{
    text::Layout out(settings.width);
    text::write_masthead(out, issue);
    if (articles.size() > 1) text::write_contents(out, articles);
    const std::string rule(static_cast<std::size_t>(settings.width), '-');
    for (pugi::xml_node article : articles) {
        out.blank_line();
        if (!out.lines().empty()) {
            out.literal(rule);
            out.blank_line();
        }
        text::write_article(out, article);
    }
    std::vector<text::Line> lines = out.take();
    // Layout trims trailing spaces, so the separator's space is added here.
    lines.push_back({0, "", text::LineEnd::hard});
    lines.push_back({0, "-- ", text::LineEnd::hard});
    text::Layout end(settings.width);
    footer(end, issue, settings);
    for (text::Line& line : end.take()) lines.push_back(std::move(line));
    return lines;
}

std::string html_body(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles, const Settings& settings,
                      const std::string& subject, Diagnostics& diagnostics)
{
    html::RenderOptions options;
    options.inline_styles = true;
    options.heading_offset = 1;
    bool warned = false;
    options.rewrite_url = [&](std::string_view url, bool is_image) {
        if (!is_image || is_absolute(url)) return std::string(url);
        if (!settings.image_base.empty()) {
            std::string base = settings.image_base;
            if (base.back() != '/') base += '/';
            return base + std::string(url);
        }
        if (!warned)
            diagnostics.warn({}, "email-image-path",
                             "the HTML part shows the local image '" + std::string(url) +
                                 "', which mail readers cannot load; give the option image-base (the URL the images are published under)");
        warned = true;
        return std::string(url);
    };
    html::apply_raw_html_policy(options, settings.raw_html);
    const std::string lang = html::issue_language(issue, articles, "");
    html::PageParts page;
    page.html_attributes = " lang=\"" + html::escape(lang) + "\"";
    page.head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n<title>" +
                html::escape(subject) + "</title>\n";
    page.body_open = "<body style=\"margin: 0; padding: 0; background: #ffffff\">\n"
                     "<div style=\"max-width: 40em; margin: 0 auto; padding: 1em; font-family: Georgia, 'Times New Roman', serif; "
                     "font-size: 17px; line-height: 1.5; color: #222222\">\n";
    page.contents = [](const std::vector<pugi::xml_node>& listed, const html::RenderOptions& list_options) {
        return "<h2 style=\"font-size: 1.2em\">In this issue</h2>\n<ol>\n" + html::contents_items(listed, list_options) +
               "</ol>\n";
    };
    page.article = [&](pugi::xml_node article, const html::RenderOptions& article_options) {
        std::string out = "<hr style=\"border: 0; border-top: 1px solid #cccccc; margin: 2em 0\" />\n<div id=\"" +
                          html::escape(model::slug(article)) + "\" lang=\"" + html::escape(model::language(article, lang)) +
                          "\">\n" + html::render_article(article, article_options);
        if (std::string online = model::meta(article).child("url").text().get(); !online.empty()) {
            std::string href;
            html::escape_url(online, href);
            out += "<p style=\"font-size: 0.9em\"><a href=\"" + href + "\">" +
                   html::escape(model::say(model::language(article, lang), "read_online")) + "</a></p>\n";
        }
        return out + "</div>\n";
    };
    page.page_close = "<hr style=\"border: 0; border-top: 1px solid #cccccc; margin: 2em 0\" />\n"
                      "<p style=\"font-size: 0.85em; color: #555555\">";
    pugi::xml_node publication = model::publication(issue);
    if (std::string url = publication.child("url").text().get(); !url.empty()) {
        std::string href;
        html::escape_url(url, href);
        page.page_close += "<a href=\"" + href + "\">" + html::escape(model::text_of(publication.child("title"))) + "</a><br />\n";
    }
    page.page_close += html::escape("You receive this newsletter because you subscribed to it. ");
    for (const auto& url : settings.list_unsubscribe) {
        std::string href;
        html::escape_url(url, href);
        page.page_close += "<a href=\"" + href + "\">" +
                           html::escape(model::say(lang, url.rfind("mailto:", 0) == 0 ? "unsubscribe_email" : "unsubscribe")) +
                           "</a> ";
    }
    if (std::string rights = publication.child("rights").text().get(); !rights.empty())
        page.page_close += "<br />\n" + html::escape(rights);
    if (!settings.footer.empty()) page.page_close += "<br />\n" + html::escape(settings.footer);
    page.page_close += "</p>\n</div>\n</body>\n</html>\n";
    return html::issue_page(issue, articles, options, page);
}

}  // namespace mimeo::email
