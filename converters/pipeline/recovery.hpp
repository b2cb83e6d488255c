// What a run does first, once it holds its outputs' locks: completes the commits of runs
// that died midway and removes the files they left staged (common/staging.hpp).
#pragma once

#include <filesystem>

#include "common/diagnostics.hpp"
#include "pipeline/pipeline.hpp"

namespace mimeo::pipeline {

// `base` is where the run's outputs and commit journals go. Says what it did as a warning.
void recover_outputs(const Pipeline& pipeline, const std::filesystem::path& base, Diagnostics& diagnostics);

}  // namespace mimeo::pipeline
