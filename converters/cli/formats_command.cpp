#include <cstdio>
#include <string>

#include "cli/command_line.hpp"
#include "registry/formats.hpp"

namespace mimeo::cli {
namespace {

// What a value may be: its type, narrowed by the allowed values or the least one.
std::string value_rule(const OptionSpec& spec)
{
    if (!spec.allowed.empty()) {
        std::string values;
        for (const std::string& value : spec.allowed) values += (values.empty() ? "" : " | ") + value;
        return values;
    }
    std::string rule = option_type_name(spec.type);
    if (spec.minimum) rule += ", at least " + std::to_string(*spec.minimum);
    return rule;
}

void print_options(const std::vector<OptionSpec>& options, const char* flag)
{
    for (const OptionSpec& spec : options) {
        std::printf("    %s %s=%s\n", flag, spec.name.c_str(), value_rule(spec).c_str());
        std::printf("        %s", spec.description.c_str());
        if (!spec.default_value.empty()) std::printf(" (default: %s)", spec.default_value.c_str());
        std::printf("\n");
    }
}

void print_format(const std::string& kind, const std::string& name, const std::string& description)
{
    std::printf("  %-8s %-11s %s\n", kind.c_str(), name.c_str(), description.c_str());
}

}  // namespace

int formats_command(const Arguments& args)
{
    po::options_description options("formats options");
    options.add_options()("format", po::value<std::vector<std::string>>(), "formats to describe with their options");
    po::variables_map values;
    if (!parse(args, "mimeo formats [FORMAT...]", options, "format", values)) return 0;
    if (!values.count("format")) {
        std::printf("Input formats (--from, or by extension):\n");
        for (const Importer& importer : importers()) {
            std::string extensions;
            for (const std::string& ext : importer.extensions) extensions += (extensions.empty() ? " [" : " ") + ext;
            print_format("import", importer.name, importer.description + (extensions.empty() ? "" : extensions + "]"));
        }
        std::printf("\nOutput formats (--to, or format: in a pipeline):\n");
        for (const Exporter& exporter : exporters()) {
            const bool checked = find_checker(exporter.name) != nullptr;
            print_format(exporter.target == TargetKind::folder ? "folder" : "file", exporter.name,
                         exporter.description + (checked ? " (mimeo check)" : ""));
        }
        std::printf("\n'mimeo formats NAME' lists a format's options.\n");
        return 0;
    }
    for (const std::string& name : values["format"].as<std::vector<std::string>>()) {
        const Importer* importer = find_importer(name);
        const Exporter* exporter = find_exporter(name);
        if (!importer && !exporter) require_exporter(name);  // the usage error, with a suggestion
        if (importer) {
            std::printf("%s (input): %s\n", importer->name.c_str(), importer->description.c_str());
            print_options(importer->options, "-I");
        }
        if (exporter) {
            std::printf("%s (output): %s\n", exporter->name.c_str(), exporter->description.c_str());
            print_options(exporter->options, "-O");
        }
    }
    return 0;
}

}  // namespace mimeo::cli
