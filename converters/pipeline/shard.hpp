// Sharding a run across processes or machines: `--shard K/N` takes the inputs whose
// stable hash falls in share K of N and writes their per-article outputs; `--merge`
// then builds the per-issue outputs from the cache the shards filled.
#pragma once

#include <filesystem>
#include <string>

#include "pipeline/pipeline.hpp"

namespace mimeo::pipeline {

struct Shard {
    unsigned index = 0;  // K, from 0
    unsigned count = 1;  // N
};

// "3/16" -> {3, 16}. Throws UsageError unless 0 <= K < N.
Shard parse_shard(const std::string& text);

// Which share an input belongs to: XXH3_64 of its path relative to the pipeline's folder
// (with '/' separators), modulo N. The same on every machine that has the same layout,
// whatever folder the pipeline sits in.
unsigned shard_of(const std::filesystem::path& input, const std::filesystem::path& pipeline_folder, unsigned count);

// The outputs a shard writes: those made of one file per article, each needing only its
// own article: paths naming ${article.slug}, and folder exporters that take the articles
// one at a time (Exporter::open_stream: JATS, a folder of <slug>.xml files).
// Every other output (the issue page, the EPUB issue, the digest, feeds, the XML folder
// with its issue.xml) needs every article and is left to --merge.
bool is_per_article(const OutputSpec& output);

}  // namespace mimeo::pipeline
