#include "pipeline/path_template.hpp"

namespace mimeo::pipeline {
namespace {

constexpr std::string_view slug_variable = "${article.slug}";

}  // namespace

std::string expand_issue_variables(const std::string& path, pugi::xml_node issue, const Location& where,
                                   const std::string& key_path)
{
    std::string out;
    std::size_t i = 0;
    while (i < path.size()) {
        std::size_t start = path.find("${", i);
        if (start == std::string::npos) {
            out += path.substr(i);
            break;
        }
        out += path.substr(i, start - i);
        std::size_t end = path.find('}', start);
        if (end == std::string::npos)
            throw Error(where, "path-variable", "'" + key_path + "' opens '${' without closing it with '}'");
        const std::string name = path.substr(start + 2, end - start - 2);
        if (name == "article.slug") {
            out += slug_variable;
        } else if (name == "issue.number" || name == "issue.volume" || name == "issue.date") {
            const std::string field = name.substr(6);
            std::string value = issue.child(field.c_str()).text().get();
            if (value.empty())
                throw Error(where, "path-variable",
                            "'" + key_path + "' uses ${" + name + "} but the pipeline's 'issue:' sets no '" + field +
                                "'");
            out += value;
        } else {
            throw Error(where, "path-variable",
                        "'" + key_path + "' uses the unknown variable ${" + name +
                            "} (known: ${issue.number}, ${issue.volume}, ${issue.date}, ${article.slug})");
        }
        i = end + 1;
    }
    return out;
}

bool names_article_slug(const std::string& path) { return path.find(slug_variable) != std::string::npos; }

std::string folder_above_article_slug(const std::string& path)
{
    const std::string before = path.substr(0, path.find(slug_variable));
    const std::size_t slash = before.rfind('/');
    return slash == std::string::npos ? "" : before.substr(0, slash);
}

std::string expand_article_slug(const std::string& path, const std::string& slug)
{
    std::string out = path;
    for (std::size_t at = out.find(slug_variable); at != std::string::npos; at = out.find(slug_variable, at + slug.size()))
        out.replace(at, slug_variable.size(), slug);
    return out;
}

}  // namespace mimeo::pipeline
