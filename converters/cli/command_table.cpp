#include "cli/commands.hpp"

namespace mimeo::cli {

const std::vector<Command>& commands()
{
    static const std::vector<Command> list = {
        {"import", "read an article into canonical XML", import_command},
        {"validate", "check canonical XML against schemas/article.rng", validate_command},
        {"convert", "convert articles to an output format", convert_command},
        {"check", "check finished outputs with their validators", check_command},
        {"run", "run a pipeline file: many articles into many outputs", run_command},
        {"formats", "list the formats mimeo reads and writes, and their options", formats_command},
        {"codes", "list the diagnostic codes and what each means", codes_command},
        {"import-worker", "(internal) the process a run imports its articles in", import_worker_command},
    };
    return list;
}

}  // namespace mimeo::cli
