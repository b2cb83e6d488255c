// The template syntax of the static site generators Markdown comes from: Liquid's tags and
// output (`{% … %}`, `{{ … }}`, Jekyll) and Hugo's shortcodes (`{{< … >}}`, `{{% … %}}`). No
// Markdown reader can run them; each kind found outside code is named in one template-syntax
// warning, with its count and first place, and is kept as text or, asked, removed.
#pragma once

#include <string>

#include "common/diagnostics.hpp"

namespace mimeo::markdown {

// `body` starts at line `first_line` of `file`. With `strip`, each tag is cut out of its line
// (the lines stay where they are, so later locations hold).
void handle_template_syntax(std::string& body, int first_line, bool strip, const std::string& file,
                            Diagnostics& diagnostics);

}  // namespace mimeo::markdown
