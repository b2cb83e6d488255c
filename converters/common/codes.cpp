#include "common/codes.hpp"

#include <algorithm>

namespace mimeo {

bool is_known_code(std::string_view code)
{
    for (const CodeSection& section : code_sections())
        for (const CodeRow& row : section.rows)
            if (std::find(row.codes.begin(), row.codes.end(), code) != row.codes.end()) return true;
    return false;
}

std::vector<std::string> known_codes()
{
    std::vector<std::string> codes;
    for (const CodeSection& section : code_sections())
        for (const CodeRow& row : section.rows)
            for (std::string_view code : row.codes)
                if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.emplace_back(code);
    return codes;
}

std::string codes_markdown()
{
    std::string out =
        "# Diagnostic codes\n\n"
        "Every message mimeo prints about an input or output has the form\n"
        "`file:line:col: error|warning[code]: message`. The code is stable: look it up here. `mimeo codes`\n"
        "prints this table, and `--quiet-code CODE` (or a pipeline's `quiet-codes:`) silences a warning.\n"
        "This file is made by `mimeo codes --markdown` from `converters/common/codes_table.cpp`.\n";
    for (const CodeSection& section : code_sections()) {
        out += "\n";
        if (!section.title.empty()) out += "## " + std::string(section.title) + "\n\n";
        out += "| code | severity | meaning |\n|---|---|---|\n";
        for (const CodeRow& row : section.rows) {
            std::string codes;
            for (std::string_view code : row.codes) codes += (codes.empty() ? "`" : ", `") + std::string(code) + "`";
            out += "| " + codes + " | " + std::string(row.severity) + " | " + std::string(row.meaning) + " |\n";
        }
    }
    return out;
}

}  // namespace mimeo
