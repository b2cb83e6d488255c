// The outputs' half of a run: each output's exporter writes into the run's OutputSet
// (staged, not yet in place), and `check: true` runs the format's checker on the
// staged files before anything is committed.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/output_set.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/progress.hpp"

namespace mimeo::pipeline {

// Writes one output of `issue` (an <issue> holding every article). An output whose path
// names ${article.slug} is written once per article, from an issue holding just that
// article. Relative paths resolve against `base`. Throws mimeo::Error naming the output
// and the step; a failed check is not thrown but reported.
OutputReport write_output(const OutputSpec& output, std::size_t index, const pugi::xml_document& issue,
                          const std::filesystem::path& base, OutputSet& out, Diagnostics& diagnostics);

// The files or folders `output` would write, for a dry run.
std::vector<std::filesystem::path> planned_targets(const OutputSpec& output, const pugi::xml_document& issue,
                                                   const std::filesystem::path& base);

// An <issue> like `issue` (publication, number, date...) holding only `article`.
void issue_with_one_article(pugi::xml_node issue, pugi::xml_node article, pugi::xml_document& out);

}  // namespace mimeo::pipeline
