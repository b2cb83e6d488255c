#include "html/issue_page.hpp"

#include "html/escape.hpp"
#include "model/model.hpp"

namespace mimeo::html {

std::string issue_language(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles,
                           const std::string& fallback)
{
    std::string lang = model::publication(issue).child("language").text().get();
    if (lang.empty() && !articles.empty()) lang = model::language(articles.front());
    return lang.empty() ? fallback : lang;
}

std::string contents_items(const std::vector<pugi::xml_node>& articles, const RenderOptions& options)
{
    std::string out;
    for (pugi::xml_node article : articles)
        out += "<li><a href=\"#" + escape(model::slug(article)) + "\">" +
               render_inlines(model::meta(article).child("title"), options) + "</a></li>\n";
    return out;
}

std::string issue_page(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles, RenderOptions options,
                       const PageParts& parts)
{
    std::string out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"" + parts.html_attributes +
                      ">\n<head>\n" + parts.head + "</head>\n" + parts.body_open;
    const bool several = articles.size() > 1;
    if (model::publication(issue)) out += render_masthead(issue, options);
    if (several) out += parts.contents(articles, options);
    for (pugi::xml_node article : articles) {
        options.id_prefix = several ? model::slug(article) + "-" : "";
        out += parts.article(article, options);
    }
    return out + parts.page_close;
}

}  // namespace mimeo::html
