// `mimeo run`: a loaded pipeline from its inputs to its outputs, all or nothing.
//
// A run streams its articles:
//   1. stream_articles (article_stage.hpp) prepares any subset of the inputs on a thread
//      pool, through the cache, and hands them over one by one in input order;
//   2. each is written at once to the per-article outputs (shard.hpp: is_per_article:
//      paths naming ${article.slug}, and folder exporters such as JATS), then dropped;
//   3. only if another output is asked for are the articles kept, in one <issue>, for
//      those outputs to read at the end.
// So a run of per-article outputs holds a handful of articles however many there are;
// `--shard K/N` prepares one share of the inputs (shard.hpp), fills the cache and writes
// stage 2 for them, and `--merge` does stage 3 from the cache with no import.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "pipeline/import_worker.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/progress.hpp"
#include "pipeline/shard.hpp"

namespace mimeo::pipeline {

struct RunOptions {
    unsigned jobs = 0;                                // 0: one per core
    std::vector<std::string> only;                    // output formats to write; empty: all
    std::optional<std::filesystem::path> out_folder;  // where relative output paths go instead
    std::optional<std::filesystem::path> cache_folder;  // instead of the pipeline's
    bool use_cache = true;
    bool dry_run = false;  // prepare and list the outputs, write nothing (not even the cache)
    // One share of the articles and only the per-article outputs (shard.hpp: is_per_article).
    std::optional<Shard> shard;
    // Every article from the cache, none imported, and only the per-issue outputs.
    bool merge = false;
    // Where imports run, and their time and memory bounds.
    WorkerSettings workers;
    bool drafts = false;  // take in the articles marked draft; else they are left out, with a warning
};

struct RunReport {
    std::size_t articles = 0;
    std::size_t from_cache = 0;
    std::size_t failed = 0;  // articles that did not get through
    std::size_t drafts = 0;  // articles left out as drafts
    std::vector<OutputReport> outputs;  // in a dry run: what would be written
    std::vector<Diagnostic> errors;     // what stopped the run; then nothing was written
    std::size_t warnings = 0;
    bool dry_run = false;
    bool written = false;
};

// Where relative output paths go, and commit journals: --out, else the pipeline's folder.
// Recovery (recovery.hpp) looks for journals there too.
std::filesystem::path output_base(const Pipeline& pipeline, const RunOptions& options);

// Throws UsageError when `options` ask for what the pipeline does not have (--only), when an
// exporter finds its options unusable (a pandoc output without a writer),
// or for --shard/--merge without a cache.
RunReport run_pipeline(const Pipeline& pipeline, const RunOptions& options, Diagnostics& diagnostics,
                       Progress& progress);

}  // namespace mimeo::pipeline
