// Output paths with variables: ${issue.number}, ${issue.volume}, ${issue.date} and
// ${article.slug} (which makes an output per article).
#pragma once

#include <pugixml.hpp>

#include <string>

#include "common/diagnostics.hpp"

namespace mimeo::pipeline {

// Replaces the issue variables with the issue's values and leaves ${article.slug} for
// later. Throws mimeo::Error at `where` for an unknown variable, an unclosed `${`, or an
// issue variable the pipeline's `issue:` does not set.
std::string expand_issue_variables(const std::string& path, pugi::xml_node issue, const Location& where,
                                   const std::string& key_path);

bool names_article_slug(const std::string& path);
// The folder every expansion of ${article.slug} in `path` lies in: "out/a/${article.slug}.html" -> "out/a".
std::string folder_above_article_slug(const std::string& path);
std::string expand_article_slug(const std::string& path, const std::string& slug);

}  // namespace mimeo::pipeline
