// mimeo: turns a periodical's articles into EPUB, JATS, email, feeds and more.
#include <boost/program_options/errors.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "common/diagnostics.hpp"
#include "common/interrupt.hpp"
#include "common/suggest.hpp"

namespace {

void print_usage(std::ostream& out)
{
    out << "usage: mimeo COMMAND [OPTIONS] [ARGS]\n\ncommands:\n";
    std::size_t width = 0;
    for (const auto& command : mimeo::cli::commands()) width = std::max(width, std::strlen(command.name));
    for (const auto& command : mimeo::cli::commands())
        out << "  " << command.name << std::string(width + 2 - std::strlen(command.name), ' ') << command.summary
            << "\n";
    out << "\n'mimeo help COMMAND' (or 'mimeo COMMAND --help') describes a command.\n";
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
    std::vector<char*> rest(argv + 2, argv + argc);
    std::string name = first;
    // `mimeo help convert` is `mimeo convert --help`.
    static char help_flag[] = "--help";
    if (first == "help" && argc > 2) {
        name = argv[2];
        rest = {help_flag};
    } else if (first == "--help" || first == "-h" || first == "help") {
        print_usage(std::cout);
        return 0;
    }
    if (first == "--version") {
        std::cout << "mimeo " << MIMEO_VERSION << "\n";
        return 0;
    }
    for (const auto& command : mimeo::cli::commands()) {
        if (name != command.name) continue;
        try {
            return command.run(mimeo::cli::Arguments(rest.begin(), rest.end()));
        } catch (const mimeo::Errors& e) {
            for (const mimeo::Diagnostic& d : e.all()) std::fprintf(stderr, "%s\n", mimeo::format_diagnostic(d).c_str());
            return 1;
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
    std::vector<std::string> names;
    for (const auto& command : mimeo::cli::commands()) names.push_back(command.name);
    std::cerr << "mimeo: unknown command '" << name << "'" << mimeo::did_you_mean(name, names) << "\n";
    print_usage(std::cerr);
    return 2;
}
