// `mimeo convert` as a pipeline of its own, held in memory: its inputs, one output, no
// file and no cache, so that it runs through the one runner (runner.hpp) as `mimeo run` does.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/options.hpp"
#include "pipeline/pipeline.hpp"

namespace mimeo::pipeline {

struct ConvertRequest {
    std::vector<std::filesystem::path> inputs;  // in order
    std::string from;                           // empty: by extension
    FormatOptions import_options;               // with `engine` where --engine put it
    std::string format;                         // an exporter's name
    std::string output;                         // relative to the working folder; may name ${article.slug}
    FormatOptions export_options;
    std::optional<std::filesystem::path> issue;  // a file with publication: and issue:
};

// Throws UsageError for an unknown format or engine, or a bad option; mimeo::Error for a
// missing input or a bad issue file.
std::unique_ptr<Pipeline> convert_pipeline(const ConvertRequest& request);

}  // namespace mimeo::pipeline
