// mimeo: turns a periodical's articles into EPUB, JATS, email, feeds and more.
#include <boost/program_options/errors.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "cli/commands.hpp"
#include "common/diagnostics.hpp"
#include "common/interrupt.hpp"

namespace {

void print_usage(std::ostream& out)
{
    out << "usage: mimeo COMMAND [OPTIONS] [ARGS]\n\ncommands:\n";
    std::size_t width = 0;
    for (const auto& command : mimeo::cli::commands()) width = std::max(width, std::strlen(command.name));
    for (const auto& command : mimeo::cli::commands())
        out << "  " << command.name << std::string(width + 2 - std::strlen(command.name), ' ') << command.summary
            << "\n";
    out << "\n'mimeo COMMAND --help' describes a command.\n";
}

}  // namespace

int main(int argc, char** argv)
{
    mimeo::install_interrupt_handling();
    if (argc < 2) {
        print_usage(std::cerr);
        return 2;
    }
    const std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        print_usage(std::cout);
        return 0;
    }
    if (first == "--version") {
        std::cout << "mimeo " << MIMEO_VERSION << "\n";
        return 0;
    }
    for (const auto& command : mimeo::cli::commands()) {
        if (first != command.name) continue;
        try {
            return command.run(mimeo::cli::Arguments(argv + 2, argv + argc));
        } catch (const mimeo::Error& e) {
            std::fprintf(stderr, "%s\n", mimeo::format_diagnostic(e.diagnostic()).c_str());
            return 1;
        } catch (const mimeo::UsageError& e) {
            std::fprintf(stderr, "mimeo %s: %s\n", command.name, e.what());
            return 2;
        } catch (const boost::program_options::error& e) {
            std::fprintf(stderr, "mimeo %s: %s (see 'mimeo %s --help')\n", command.name, e.what(), command.name);
            return 2;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "mimeo %s: error: %s\n", command.name, e.what());
            return 1;
        }
    }
    std::cerr << "mimeo: unknown command '" << first << "'\n";
    print_usage(std::cerr);
    return 2;
}
