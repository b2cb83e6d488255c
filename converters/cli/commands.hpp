// The mimeo commands. Each takes the arguments after its name and returns the exit code:
// 0 success, 1 a conversion or validation failure, 2 a usage error.
#pragma once

#include <string>
#include <vector>

namespace mimeo::cli {

using Arguments = std::vector<std::string>;

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const Arguments& args);
};

int import_command(const Arguments& args);
int validate_command(const Arguments& args);
int convert_command(const Arguments& args);
int check_command(const Arguments& args);
int run_command(const Arguments& args);
int import_worker_command(const Arguments& args);
int codes_command(const Arguments& args);
int formats_command(const Arguments& args);

const std::vector<Command>& commands();

}  // namespace mimeo::cli
