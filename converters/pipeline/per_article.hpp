// One way to say "one file per article": a path that names ${article.slug}. The option
// `per-article: true` of EPUB and email says the same and is rewritten into such a path
// here, so that runs, shards, locks and the duplicate-slug check know one way.
#pragma once

#include "format/format.hpp"
#include "pipeline/pipeline.hpp"

namespace mimeo::pipeline {

// With per-article: true, `output.path` (a folder) becomes <path>/${article.slug}<extension>
// and the option is taken out. Throws mimeo::Error(per-article-target) for a path that names a
// file of the exporter's kind rather than a folder.
void settle_per_article(OutputSpec& output, const Exporter& exporter);

}  // namespace mimeo::pipeline
