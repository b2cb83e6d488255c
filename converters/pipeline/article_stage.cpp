#include "pipeline/article_stage.hpp"

#include <libxml/parser.h>

#include <algorithm>
#include <memory>

#include "model/front_matter.hpp"
#include "model/link_policy.hpp"
#include "model/model.hpp"
#include "model/validate.hpp"
#include "pipeline/parallel.hpp"
#include "registry/import_article.hpp"

namespace mimeo::pipeline {
namespace {

struct Work {
    const Pipeline& pipeline;
    const ArticleCache& cache;
    ImportWorkers& workers;
    Diagnostics& diagnostics;
    Progress& progress;
    bool cache_only;

    void fail(PreparedArticle& article, const std::string& step, Diagnostic d)
    {
        if (d.where.file.empty()) d.where = {pipeline.inputs[article.input].path.string(), 0, 0};
        d.severity = Severity::error;
        d.message = describe_input(pipeline, article.input) + ", step " + step + ": " + d.message;
        article.error = std::move(d);
    }

    // From the cache, or imported; then defaults, transforms, validation. Safe on any thread.
    void prepare(PreparedArticle& article)
    {
        const ArticleSource& source = pipeline.inputs[article.input];
        std::string key;
        if (cache.enabled()) {
            try {
                key = cache.key(source);
                std::vector<Diagnostic> warnings;
                const CacheRead read = cache.load(key, source.path.string(), article.doc, warnings);
                if (read == CacheRead::hit) {
                    article.from_cache = true;
                    restore_base(source.path, source.plan, article.doc);
                    for (auto& warning : warnings) diagnostics.add(std::move(warning));
                } else if (read == CacheRead::corrupt) {
                    diagnostics.warn({source.path.string(), 0, 0}, "cache-corrupt",
                                     "its cache entry " + key + " is damaged (its content does not match its hash); "
                                     "imported again");
                }
            } catch (const Error& e) {
                fail(article, "read", e.diagnostic());
                progress.article_done(source.path, false);
                return;
            }
        }
        const std::string file = source.path.string();
        std::string step = "import";
        // The import's warnings are gathered apart, to be stored with its cache entry.
        Diagnostics import_warnings;
        import_warnings.echo_to(nullptr);
        auto pass_on_import_warnings = [&] {
            for (const auto& warning : import_warnings.all()) diagnostics.add(warning);
        };
        if (cache_only && !article.from_cache) {
            fail(article, "merge",
                 {Severity::error, "not-cached", {file, 0, 0},
                  "its canonical XML is not in the cache: run the shard that holds it (mimeo run --shard K/N) "
                  "with the same cache and the same input first"});
            progress.article_done(source.path, false);
            return;
        }
        try {
            if (!article.from_cache) {
                try {
                    if (workers.enabled())
                        workers.import(article.input, article.doc, import_warnings);
                    else
                        import_article(source.path, source.plan, article.doc, import_warnings);
                } catch (...) {
                    pass_on_import_warnings();
                    throw;
                }
                pass_on_import_warnings();
                if (!key.empty()) cache.store(key, file, article.doc, import_warnings.all());
            }
            pugi::xml_node node = model::article_of(article.doc);
            step = "defaults";
            if (pipeline.defaults.IsDefined() && !pipeline.defaults.IsNull())
                model::apply_metadata(pipeline.defaults, pipeline.source, node, model::MetadataMode::fill_missing,
                                      diagnostics);
            for (const TransformStep& transform : pipeline.transforms) {
                step = "transform " + transform.transform->name;
                transform.transform->apply(node, transform.settings, file, diagnostics);
            }
            model::settle_elocation(node, model::issue_of(pipeline.issue), article.input + 1);
            // Only here is the publication known, whose address site-absolute links need.
            model::warn_unlinked(
                model::settle_site_links(node, model::issue_of(pipeline.issue).child("publication").child_value("url")),
                file, "link-site-absolute",
                "to a path on the site ('/...') that no absolute url (the article's or the publication's) resolves",
                diagnostics);
            step = "validate";
            auto problems = model::validate_document(article.doc, file);
            if (!problems.empty()) {
                // The lines are those of the canonical XML, not of the source: say so.
                Diagnostic first = problems.front();
                first.message = "the article does not match schemas/article.rng" +
                                std::string(pipeline.transforms.empty() ? "" : " after its transforms") + ": " +
                                first.message + " (line " + std::to_string(first.where.line) +
                                " of its canonical XML)";
                first.where = {file, 0, 0};
                fail(article, step, first);
            }
        } catch (const Error& e) {
            fail(article, step, e.diagnostic());
        } catch (const std::exception& e) {
            fail(article, step, {Severity::error, "unexpected", {file, 0, 0}, e.what()});
        }
        progress.article_done(source.path, article.from_cache);
    }
};

}  // namespace

std::string describe_input(const Pipeline& pipeline, std::size_t input)
{
    return "article " + std::to_string(input + 1) + " (" + pipeline.inputs[input].path.string() + ")";
}

void stream_articles(const Pipeline& pipeline, const std::vector<std::size_t>& which, const ArticleCache& cache,
                     ImportWorkers& workers, unsigned jobs, Diagnostics& diagnostics, Progress& progress,
                     bool cache_only, const std::function<void(PreparedArticle&)>& take)
{
    Work work{pipeline, cache, workers, diagnostics, progress, cache_only};
    std::vector<std::unique_ptr<PreparedArticle>> ready(which.size());
    // libxml2 must set up its shared state once, before threads use it.
    xmlInitParser();
    // Enough ahead to keep every thread busy while `take` writes, few enough to stay small.
    const std::size_t window = 4 * std::max(jobs, 1u);
    for_each_in_order(
        which.size(), jobs, window,
        [&](std::size_t i) {
            auto article = std::make_unique<PreparedArticle>();
            article->input = which[i];
            work.prepare(*article);
            ready[i] = std::move(article);
        },
        [&](std::size_t i) {
            take(*ready[i]);
            ready[i].reset();
        });
}

}  // namespace mimeo::pipeline
