#include "text/issue_text.hpp"

#include "model/model.hpp"
#include "model/provenance.hpp"
#include "model/wording.hpp"
#include "text/inline_text.hpp"

namespace mimeo::text {

void write_masthead(Layout& out, pugi::xml_node issue)
{
    pugi::xml_node publication = model::publication(issue);
    const std::string rule(static_cast<std::size_t>(out.available()), '=');
    if (publication) {
        out.literal(rule);
        out.centered(collapse_spaces(model::text_of(publication.child("title"))));
        if (pugi::xml_node tagline = publication.child("tagline")) out.centered(collapse_spaces(model::text_of(tagline)));
        if (pugi::xml_node epigraph = publication.child("epigraph")) {
            out.blank_line();
            for (pugi::xml_node block : epigraph.children()) {
                if (block.type() != pugi::node_element) continue;
                const bool attribution = std::string_view(block.name()) == "attribution";
                out.centered((attribution ? "\u2014 " : "") + collapse_spaces(model::text_of(block)));
            }
        }
        out.literal(rule);
    }
    if (std::string line = model::issue_line(issue); !line.empty()) out.centered(line);
    if (pugi::xml_node title = issue.child("title")) out.centered(collapse_spaces(model::text_of(title)));
}

void write_contents(Layout& out, const std::vector<pugi::xml_node>& articles)
{
    out.blank_line();
    out.literal("In this issue:");
    out.blank_line();
    const std::size_t digits = std::to_string(articles.size()).size();
    for (std::size_t i = 0; i < articles.size(); ++i) {
        std::string number = std::to_string(i + 1);
        out.push_indent(std::string(digits - number.size(), ' ') + number + ". ");
        std::string entry = collapse_spaces(model::title(articles[i]));
        auto authors = model::contributors(articles[i], "author");
        if (!authors.empty()) entry += " \u2014 " + model::local_list(authors, model::language(articles[i], "en"));
        out.paragraph(entry);
        out.pop();
    }
}

}  // namespace mimeo::text
