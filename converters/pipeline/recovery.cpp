#include "pipeline/recovery.hpp"

#include <set>
#include <utility>

#include "common/staging.hpp"
#include "pipeline/run_lock.hpp"

namespace fs = std::filesystem;

namespace mimeo::pipeline {

void recover_outputs(const Pipeline& pipeline, const fs::path& base, Diagnostics& diagnostics)
{
    Recovery recovery;
    complete_dead_commits(base, recovery);
    // Each folder once: a pipeline's file outputs often share one.
    std::set<std::pair<fs::path, bool>> folders;  // with whether to look below it
    std::error_code ec;
    for (const fs::path& target : lock_targets(pipeline, base)) {
        if (fs::is_directory(target, ec)) folders.emplace(target, true);
        else folders.emplace(target.has_parent_path() ? target.parent_path() : fs::path("."), false);
    }
    for (const auto& [folder, recursive] : folders) remove_dead_staged_files(folder, recursive, recovery);
    if (recovery.commits)
        diagnostics.warn({base.string(), 0, 0}, "recovered",
                         "completed " + std::to_string(recovery.commits) + " commit(s) of a run that died midway (" +
                             std::to_string(recovery.renamed) + " files still to rename)");
    if (recovery.removed)
        diagnostics.warn({base.string(), 0, 0}, "recovered",
                         "removed " + std::to_string(recovery.removed) + " staged files left by runs that died");
}

}  // namespace mimeo::pipeline
