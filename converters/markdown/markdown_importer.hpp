// Markdown in: CommonMark with GitHub's extensions (tables, strikethrough,
// autolinks, task lists, footnotes), YAML front matter and smart punctuation.
#pragma once

#include "format/format.hpp"

namespace mimeo::markdown {

Importer importer();             // "markdown": extensions, front matter, smart punctuation
Importer commonmark_importer();  // "commonmark": the strict spec, nothing added

}  // namespace mimeo::markdown
