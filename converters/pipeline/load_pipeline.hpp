// Reads a pipeline file and checks all of it before anything runs: unknown keys,
// wrong types, missing keys, globs that match nothing, unknown formats, transforms and
// options are each a mimeo::Error at file:line:col naming the key's path.
#pragma once

#include <filesystem>
#include <memory>

#include "pipeline/pipeline.hpp"

namespace mimeo::pipeline {

std::unique_ptr<Pipeline> load_pipeline(const std::filesystem::path& file);

}  // namespace mimeo::pipeline
