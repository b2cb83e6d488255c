#include <cstdio>
#include <string>

#include "cli/command_line.hpp"
#include "registry/formats.hpp"

namespace mimeo::cli {
namespace {

// What a value may be: its type, narrowed by the allowed words or the range. `quote` marks words
// as code, for Markdown.
std::string value_rule(const OptionSpec& spec, const char* quote)
{
    if (!spec.allowed.empty()) {
        std::string words;
        for (std::size_t i = 0; i < spec.allowed.size(); ++i)
            words += std::string(i == 0 ? "" : i + 1 == spec.allowed.size() ? " or " : ", ") + quote + spec.allowed[i] + quote;
        return words;
    }
    std::string rule;
    switch (spec.type) {
    case OptionType::boolean: rule = "boolean"; break;
    case OptionType::integer: rule = "integer"; break;
    case OptionType::string: rule = "string"; break;
    case OptionType::string_list: rule = "string or list"; break;
    case OptionType::path: rule = "path"; break;
    case OptionType::path_list: rule = "path or list"; break;
    }
    if (spec.minimum && spec.maximum)
        rule += ", " + std::to_string(*spec.minimum) + " to " + std::to_string(*spec.maximum);
    else if (spec.minimum) rule += ", at least " + std::to_string(*spec.minimum);
    else if (spec.maximum) rule += ", at most " + std::to_string(*spec.maximum);
    return rule;
}

// The default as the docs say it: the value, the note, or none.
std::string default_text(const OptionSpec& spec, const char* quote)
{
    if (!spec.default_value.empty()) return quote + YAML::Load(spec.default_value).Scalar() + quote;
    return spec.default_note.empty() ? "none" : spec.default_note;
}

std::string plain(std::string text)
{
    std::erase(text, '`');
    return text;
}

void print_options(const std::vector<OptionSpec>& options, const char* flag)
{
    for (const OptionSpec& spec : options) {
        std::printf("    %s %s=%s\n", flag, spec.name.c_str(), value_rule(spec, "").c_str());
        const std::string absent = plain(default_text(spec, ""));
        std::printf("        %s (%s%s)\n", plain(spec.description).c_str(), absent == "required" ? "" : "default: ",
                    absent.c_str());
    }
}

// One side of some formats: the importers' or the exporters' options, which several formats
// may share (rss and atom).
struct OptionTable {
    std::vector<std::string> formats;
    bool input;
    const std::vector<OptionSpec>* options;
};

void print_markdown(const OptionTable& table)
{
    std::string names;
    for (std::size_t i = 0; i < table.formats.size(); ++i)
        names += std::string(i == 0 ? "" : i + 1 == table.formats.size() ? " and " : ", ") + "`" + table.formats[i] + "`";
    std::printf("Options of the %s %s (%s):\n\n", names.c_str(),
                table.input ? (table.formats.size() > 1 ? "importers" : "importer")
                            : (table.formats.size() > 1 ? "outputs" : "output"),
                table.input ? "`-I KEY=VALUE`, or `options:` of a pipeline input"
                            : "`-O KEY=VALUE`, or keys of a pipeline output");
    std::printf("| option | type | default | meaning |\n|---|---|---|---|\n");
    for (const OptionSpec& spec : *table.options)
        std::printf("| `%s` | %s | %s | %s |\n", spec.name.c_str(), value_rule(spec, "`").c_str(),
                    default_text(spec, "`").c_str(), spec.description.c_str());
    std::printf("\n");
}

// The tables of the named formats, formats with the same options on one side sharing one.
std::vector<OptionTable> option_tables(const std::vector<std::string>& names)
{
    std::vector<OptionTable> tables;
    auto add = [&](const std::string& name, bool input, const std::vector<OptionSpec>& options) {
        if (options.empty()) return;
        for (OptionTable& table : tables)
            if (table.input == input && *table.options == options) return table.formats.push_back(name);
        tables.push_back({{name}, input, &options});
    };
    for (const std::string& name : names) {
        const Importer* importer = find_importer(name);
        const Exporter* exporter = find_exporter(name);
        if (!importer && !exporter) require_exporter(name);  // the usage error, with a suggestion
        if (importer) add(importer->name, true, importer->options);
        if (exporter) add(exporter->name, false, exporter->options);
    }
    return tables;
}

void print_format(const std::string& kind, const std::string& name, const std::string& description)
{
    std::printf("  %-8s %-11s %s\n", kind.c_str(), name.c_str(), description.c_str());
}

}  // namespace

int formats_command(const Arguments& args)
{
    po::options_description options("formats options");
    options.add_options()("format", po::value<std::vector<std::string>>(), "formats to describe with their options")(
        "markdown", "print the formats' option tables as Markdown, as docs/formats/ holds them");
    po::variables_map values;
    if (!parse(args, "mimeo formats [--markdown] [FORMAT...]", options, "format", values)) return 0;
    if (values.count("markdown")) {
        if (!values.count("format")) throw UsageError("mimeo formats --markdown: name the formats whose tables to print");
        for (const OptionTable& table : option_tables(values["format"].as<std::vector<std::string>>()))
            print_markdown(table);
        return 0;
    }
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
