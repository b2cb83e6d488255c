#include "cli/command_line.hpp"

#include <iostream>

#include "common/codes.hpp"
#include "common/diagnostics.hpp"
#include "common/suggest.hpp"
#include "registry/formats.hpp"

namespace mimeo::cli {

bool parse(const Arguments& args, const char* usage, po::options_description& options, const char* positional_name,
           po::variables_map& values)
{
    options.add_options()("help,h", "show this help");
    po::positional_options_description positional;
    if (positional_name) positional.add(positional_name, -1);
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
    if (values.count("help")) {
        std::cout << "usage: " << usage << "\n\n" << options << "\n";
        return false;
    }
    po::notify(values);
    return true;
}

void add_import_options(po::options_description& options)
{
    options.add_options()
        ("from,f", po::value<std::string>()->default_value(""), "input format (default: by file extension)")
        ("no-smart", "keep straight quotes, dashes and dots as typed")
        ("engine", po::value<std::string>(), "native (default) or pandoc: read every format, Markdown and DOCX too, through pandoc")
        ("input-option,I", po::value<std::vector<std::string>>()->composing(),
         "importer option KEY=VALUE (repeatable)");
}

void add_quiet_codes(po::options_description& options)
{
    options.add_options()("quiet-code", po::value<std::vector<std::string>>()->composing(),
                          "do not show warnings of this code (repeatable; 'mimeo codes' lists them)");
}

void apply_quiet_codes(const po::variables_map& values, Diagnostics& diagnostics)
{
    if (!values.count("quiet-code")) return;
    for (const std::string& code : values["quiet-code"].as<std::vector<std::string>>()) {
        if (!is_known_code(code))
            throw UsageError("--quiet-code " + code + ": no such diagnostic code" + did_you_mean(code, known_codes()) +
                             " ('mimeo codes' lists them)");
        diagnostics.suppress(code);
    }
}

FormatOptions assignments(const po::variables_map& values, const char* option)
{
    FormatOptions options;
    if (values.count(option))
        for (const auto& assignment : values[option].as<std::vector<std::string>>()) options.set_from_text(assignment);
    return options;
}

// -I options go to every input, each importer taking those it has; a key no importer
// has is a mistake, not an option for another day.
void require_some_importer_has(const FormatOptions& options)
{
    for (const std::string& key : options.keys()) {
        std::string known;
        bool found = false;
        for (const Importer& importer : importers()) {
            for (const OptionSpec& spec : importer.options) {
                found = found || spec.name == key;
                known += (known.empty() ? "" : ", ") + importer.name + " " + spec.name;
            }
        }
        if (!found) throw UsageError("-I " + key + ": no importer has this option (known: " + known + ")");
    }
}

FormatOptions import_options_from(const po::variables_map& values)
{
    FormatOptions options = assignments(values, "input-option");
    require_some_importer_has(options);
    if (values.count("no-smart")) options.set("smart", "false");
    if (values.count("engine")) options.set("engine", values["engine"].as<std::string>());
    return options;
}

}  // namespace mimeo::cli
