#include <cstdio>
#include <string>

#include "cli/command_line.hpp"
#include "common/codes.hpp"

namespace mimeo::cli {

int codes_command(const Arguments& args)
{
    po::options_description options("codes options");
    options.add_options()("markdown", "print docs/diagnostics.md, the table as Markdown");
    po::variables_map values;
    if (!parse(args, "mimeo codes [--markdown]", options, nullptr, values)) return 0;
    if (values.count("markdown")) {
        const std::string markdown = codes_markdown();
        std::fwrite(markdown.data(), 1, markdown.size(), stdout);
        return 0;
    }
    for (const CodeSection& section : code_sections()) {
        std::printf("%s\n", section.title.empty() ? "Any input or command" : std::string(section.title).c_str());
        for (const CodeRow& row : section.rows) {
            std::string codes;
            for (std::string_view code : row.codes) codes += (codes.empty() ? "" : ", ") + std::string(code);
            std::string meaning(row.meaning);
            std::erase(meaning, '`');
            std::printf("  %-28s %-8s %s\n", codes.c_str(), std::string(row.severity).c_str(), meaning.c_str());
        }
        std::printf("\n");
    }
    return 0;
}

}  // namespace mimeo::cli
