// The Subject line, from a template with {variables}.
#pragma once

#include <pugixml.hpp>

#include <string>

#include "common/diagnostics.hpp"

namespace mimeo::email {

// Expands `pattern` ({publication}, {number}, {volume}, {date}, {iso-date},
// {issue-title}, {title}: the article's, or the first article's in a digest;
// {articles}: how many; "{{" and "}}" for braces). An empty pattern means the
// default, "{publication} — Issue {number}: {title}", less what the issue lacks.
// An unknown variable throws mimeo::Error(where, "email-subject").
std::string subject_line(const std::string& pattern, pugi::xml_node issue, pugi::xml_node article,
                         std::size_t article_count, const Location& where);

}  // namespace mimeo::email
