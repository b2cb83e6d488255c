// The one table of diagnostic codes: every diagnostic mimeo gives has a code listed here,
// with what it means. `mimeo codes` prints it; docs/diagnostics.md is made from it
// (`mimeo codes --markdown`), and a test fails when the two drift apart.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mimeo {

struct CodeRow {
    std::vector<std::string_view> codes;  // codes that share one meaning
    std::string_view severity;            // "error", "warning", or how it depends
    std::string_view meaning;             // Markdown
};

struct CodeSection {
    std::string_view title;  // empty for the codes any input or command can give
    std::vector<CodeRow> rows;
};

const std::vector<CodeSection>& code_sections();

bool is_known_code(std::string_view code);
std::vector<std::string> known_codes();

// docs/diagnostics.md, whole.
std::string codes_markdown();

}  // namespace mimeo
