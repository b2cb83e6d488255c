#include "email/subject.hpp"

#include "model/model.hpp"
#include "model/provenance.hpp"
#include "model/wording.hpp"
#include "text/inline_text.hpp"

namespace mimeo::email {
namespace {

std::string default_pattern(pugi::xml_node issue)
{
    const bool publication = static_cast<bool>(model::publication(issue));
    const bool number = static_cast<bool>(issue.child("number"));
    if (publication && number) return "{publication} \u2014 Issue {number}: {title}";
    if (publication) return "{publication} \u2014 {title}";
    if (number) return "Issue {number}: {title}";
    return "{title}";
}

}  // namespace

std::string subject_line(const std::string& pattern, pugi::xml_node issue, pugi::xml_node article,
                         std::size_t article_count, const Location& where)
{
    const std::string text = pattern.empty() ? default_pattern(issue) : pattern;
    auto value = [&](const std::string& name) -> std::string {
        if (name == "publication") return model::text_of(model::publication(issue).child("title"));
        if (name == "number") return issue.child("number").text().get();
        if (name == "volume") return issue.child("volume").text().get();
        if (name == "date")
            return model::local_date(issue.child("date").text().get(),
                                     model::publication(issue).child("language").text().get());
        if (name == "iso-date") return issue.child("date").text().get();
        if (name == "issue-title") return model::text_of(issue.child("title"));
        if (name == "title") return article ? model::title(article) : std::string();
        if (name == "articles") return std::to_string(article_count);
        throw Error(where, "email-subject",
                    "the subject template names {" + name +
                        "}; known: {publication} {number} {volume} {date} {iso-date} {issue-title} {title} {articles}");
    };
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            out += c;
            ++i;
        } else if (c == '{') {
            const auto close = text.find('}', i);
            if (close == std::string::npos)
                throw Error(where, "email-subject", "the subject template has a '{' without its '}'");
            out += value(text.substr(i + 1, close - i - 1));
            i = close;
        } else {
            out += c;
        }
    }
    return text::collapse_spaces(out);
}

}  // namespace mimeo::email
