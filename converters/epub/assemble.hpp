// Builds one EPUB file, in memory, from articles of an issue.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "epub/book.hpp"

namespace mimeo::epub {

// `articles` are all of the issue's (whole_issue) or the one of a per-article book.
// Every error is raised before any byte is returned: a failed build has no output.
std::string make_epub(pugi::xml_node issue, const std::vector<pugi::xml_node>& articles, bool whole_issue,
                      const Settings& settings, Diagnostics& diagnostics);

}  // namespace mimeo::epub
