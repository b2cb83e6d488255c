#include "docx/fields.hpp"

#include <cctype>

#include "docx/citations.hpp"

namespace mimeo::docx {
namespace {

// Splits on spaces, honouring "quoted strings" (with \" and \\ inside them).
std::vector<std::pair<std::string, bool>> tokens(const std::string& text)
{
    std::vector<std::pair<std::string, bool>> out;  // token, was quoted
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i >= text.size()) break;
        std::string token;
        if (text[i] == '"') {
            ++i;
            while (i < text.size() && text[i] != '"') {
                if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\\')) ++i;
                token += text[i++];
            }
            ++i;
            out.emplace_back(token, true);
        } else {
            while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) token += text[i++];
            out.emplace_back(token, false);
        }
    }
    return out;
}

}  // namespace

FieldInstruction parse_field(const std::string& instruction)
{
    FieldInstruction field;
    auto list = tokens(instruction);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& [token, quoted] = list[i];
        if (i == 0 && !quoted) {
            for (char c : token) field.name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            continue;
        }
        if (!quoted && token.size() >= 2 && token[0] == '\\') {
            std::string value;
            // A switch takes the next token as its value unless that is a switch itself.
            if (i + 1 < list.size() && (list[i + 1].second || list[i + 1].first.empty() || list[i + 1].first[0] != '\\'))
                value = list[++i].first;
            field.switches[token] = value;
            continue;
        }
        field.arguments.push_back(token);
    }
    return field;
}

FieldLink field_link(const FieldInstruction& field)
{
    FieldLink link;
    if (field.name != "HYPERLINK") return link;
    if (!field.arguments.empty()) link.href = field.arguments.front();
    if (auto anchor = field.switches.find("\\l"); anchor != field.switches.end() && !anchor->second.empty())
        link.href += "#" + anchor->second;
    if (auto tip = field.switches.find("\\o"); tip != field.switches.end()) link.title = tip->second;
    return link;
}

void resolve_fields(std::vector<Inline>& inlines)
{
    std::vector<Inline> resolved;
    resolved.reserve(inlines.size());
    for (Inline& x : inlines) {
        resolve_fields(x.content);
        if (x.kind != InlineKind::field) {
            resolved.push_back(std::move(x));
            continue;
        }
        if (is_citation_field(x.target)) {  // read with the article's references (docx/citations)
            x.kind = InlineKind::citation;
            resolved.push_back(std::move(x));
            continue;
        }
        if (FieldLink link = field_link(parse_field(x.target)); !link.href.empty()) {
            Inline made = make_inline(InlineKind::link, "", link.href);
            made.title = link.title;
            made.content = std::move(x.content);
            resolved.push_back(std::move(made));
            continue;
        }
        for (Inline& shown : x.content) resolved.push_back(std::move(shown));
    }
    inlines = std::move(resolved);
}

}  // namespace mimeo::docx
