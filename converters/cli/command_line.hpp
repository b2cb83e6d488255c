// Boost.Program_options plumbing shared by the commands.
#pragma once

#include <boost/program_options.hpp>

#include <string>

#include "cli/commands.hpp"
#include "common/diagnostics.hpp"
#include "common/options.hpp"

namespace mimeo::cli {

namespace po = boost::program_options;

// Parses `args` with `options` and the positional `positional_name` (any number).
// Returns false when --help was asked for (and printed).
bool parse(const Arguments& args, const char* usage, po::options_description& options,
           const char* positional_name, po::variables_map& values);

// Options shared by commands that import: --from, --no-smart, --engine, -I KEY=VALUE.
void add_import_options(po::options_description& options);
FormatOptions import_options_from(const po::variables_map& values);

// --quiet-code CODE (repeatable): warnings of that code are not shown. Unknown codes are a
// usage error.
void add_quiet_codes(po::options_description& options);
void apply_quiet_codes(const po::variables_map& values, Diagnostics& diagnostics);

// KEY=VALUE assignments of a repeatable option, as format options.
FormatOptions assignments(const po::variables_map& values, const char* option);

}  // namespace mimeo::cli
