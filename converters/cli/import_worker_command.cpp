// `mimeo import-worker PIPELINE MIB`: the process a pipeline run imports its articles in
// (pipeline/import_worker.hpp); not meant to be run by hand.
#include <string>

#include "cli/commands.hpp"
#include "common/diagnostics.hpp"
#include "pipeline/import_worker.hpp"

namespace mimeo::cli {

int import_worker_command(const Arguments& args)
{
    if (args.size() != 2) throw UsageError("import-worker takes the pipeline file and the memory ceiling in MiB");
    return pipeline::serve_imports(args[0], std::stol(args[1]));
}

}  // namespace mimeo::cli
