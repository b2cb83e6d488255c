#include "pipeline/recovery.hpp"

#include "common/staging.hpp"
#include "pipeline/run_lock.hpp"

namespace fs = std::filesystem;

namespace mimeo::pipeline {

void recover_outputs(const Pipeline& pipeline, const fs::path& base, Diagnostics& diagnostics)
{
    Recovery recovery;
    complete_dead_commits(base, recovery);
    std::error_code ec;
    for (const fs::path& target : lock_targets(pipeline, base)) {
        if (fs::is_directory(target, ec)) remove_dead_staged_files(target, true, recovery);
        else remove_dead_staged_files(target.has_parent_path() ? target.parent_path() : fs::path("."), false, recovery);
    }
    if (recovery.commits)
        diagnostics.warn({base.string(), 0, 0}, "recovered",
                         "completed " + std::to_string(recovery.commits) + " commit(s) of a run that died midway (" +
                             std::to_string(recovery.renamed) + " files still to rename)");
    if (recovery.removed)
        diagnostics.warn({base.string(), 0, 0}, "recovered",
                         "removed " + std::to_string(recovery.removed) + " staged files left by runs that died");
}

}  // namespace mimeo::pipeline
