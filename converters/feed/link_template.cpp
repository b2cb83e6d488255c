#include "feed/link_template.hpp"

#include "model/model.hpp"

namespace mimeo::feed {
namespace {

std::string variable(std::string_view name, pugi::xml_node issue, pugi::xml_node article, bool& known)
{
    known = true;
    if (name == "publication.url") return model::publication(issue).child("url").text().get();
    if (name == "issue.number") return issue.child("number").text().get();
    if (name == "issue.volume") return issue.child("volume").text().get();
    if (name == "issue.date") return issue.child("date").text().get();
    if (name == "article.slug") return model::slug(article);
    if (name == "article.date") return model::meta_text(article, "date");
    if (name == "article.year") return model::meta_text(article, "date").substr(0, 4);
    if (name == "article.url") return model::meta_text(article, "url");
    known = false;
    return {};
}

}  // namespace

std::string expand_template(std::string_view text, pugi::xml_node issue, pugi::xml_node article, const Location& where)
{
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t open = text.find("${", pos);
        if (open == std::string_view::npos) break;
        std::size_t close = text.find('}', open);
        if (close == std::string_view::npos)
            throw Error(where, "feed-template", "template '" + std::string(text) + "' has a '${' with no closing '}'");
        out.append(text, pos, open - pos);
        std::string_view name = text.substr(open + 2, close - open - 2);
        bool known = false;
        std::string value = variable(name, issue, article, known);
        if (!known)
            throw Error(where, "feed-template",
                        "unknown variable ${" + std::string(name) + "} in '" + std::string(text) + "' (known: " +
                            template_variables + ")");
        if (value.empty())
            throw Error(where, "feed-template",
                        "article '" + model::slug(article) + "' leaves ${" + std::string(name) + "} empty in '" +
                            std::string(text) + "'");
        out += value;
        pos = close + 1;
    }
    out.append(text, pos, std::string_view::npos);
    return out;
}

}  // namespace mimeo::feed
