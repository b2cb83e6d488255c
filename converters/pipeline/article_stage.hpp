// The articles' half of a run: each input is taken from the cache or imported, then
// gets the pipeline's defaults and transforms, in order, and is validated against
// schemas/article.rng. Articles are independent, so they go through on a thread pool.
#pragma once

#include <pugixml.hpp>

#include <functional>
#include <optional>
#include <vector>

#include "common/diagnostics.hpp"
#include "pipeline/article_cache.hpp"
#include "pipeline/import_worker.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/progress.hpp"

namespace mimeo::pipeline {

struct PreparedArticle {
    std::size_t input = 0;  // its index in Pipeline::inputs
    pugi::xml_document doc;  // one <article>
    bool from_cache = false;
    std::optional<Diagnostic> error;  // what stopped it, naming the article and the step
};

// Prepares the inputs `which` lists (all of them, or one shard's share), on `jobs`
// threads, and hands each to `take` on the calling thread, in the order of `which`.
// Only a few articles beyond the one being taken are held at a time, so `take` decides
// what is kept. A failure does not stop the others: the article comes with its `error`
// naming it and the step (read, import, defaults, transform NAME, validate).
// `cache_only` (for --merge): an article not in the cache fails with `not-cached`
// instead of being imported. Imports run in `workers` when they are enabled, else on the
// threads themselves. `take` must not throw.
void stream_articles(const Pipeline& pipeline, const std::vector<std::size_t>& which, const ArticleCache& cache,
                     ImportWorkers& workers, unsigned jobs, Diagnostics& diagnostics, Progress& progress,
                     bool cache_only, const std::function<void(PreparedArticle&)>& take);

// "article 3 (articles/c.md)": how messages name an input.
std::string describe_input(const Pipeline& pipeline, std::size_t input);

}  // namespace mimeo::pipeline
