#include "pipeline/runner.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "common/output_set.hpp"
#include "model/article_order.hpp"
#include "model/model.hpp"
#include "pipeline/article_stage.hpp"
#include "pipeline/output_stage.hpp"
#include "pipeline/parallel.hpp"
#include "registry/formats.hpp"

namespace fs = std::filesystem;

namespace mimeo::pipeline {
namespace {

std::vector<const OutputSpec*> selected_outputs(const Pipeline& pipeline, const std::vector<std::string>& only)
{
    std::vector<const OutputSpec*> selected;
    for (const std::string& format : only) {
        if (!find_exporter(format)) require_exporter(format);  // throws UsageError naming the formats
        bool present = std::any_of(pipeline.outputs.begin(), pipeline.outputs.end(),
                                   [&](const OutputSpec& o) { return o.format == format; });
        if (!present) throw UsageError("--only " + format + ": the pipeline has no " + format + " output");
    }
    for (const OutputSpec& output : pipeline.outputs)
        if (only.empty() || std::find(only.begin(), only.end(), output.format) != only.end())
            selected.push_back(&output);
    return selected;
}

// Two articles with one slug would overwrite each other's files and share anchors.
class SlugRegister {
public:
    explicit SlugRegister(const Pipeline& pipeline) : pipeline_(pipeline) {}

    std::optional<Diagnostic> claim(const std::string& slug, std::size_t input)
    {
        auto [it, fresh] = first_input_.emplace(slug, input);
        if (fresh) return std::nullopt;
        return Diagnostic{Severity::error, "duplicate-slug", {pipeline_.inputs[input].path.string(), 0, 0},
                          describe_input(pipeline_, input) + ", step assemble: it has the slug '" + slug + "', as " +
                              describe_input(pipeline_, it->second) + " has; give one of them another 'slug:'"};
    }

private:
    const Pipeline& pipeline_;
    std::map<std::string, std::size_t> first_input_;
};

}  // namespace

fs::path output_base(const Pipeline& pipeline, const RunOptions& options)
{
    return options.out_folder ? *options.out_folder : pipeline.folder;
}

RunReport run_pipeline(const Pipeline& pipeline, const RunOptions& options, Diagnostics& diagnostics,
                       Progress& progress)
{
    auto outputs = selected_outputs(pipeline, options.only);
    if (options.shard && options.merge) throw UsageError("--shard and --merge are separate runs: give one of them");
    if (options.shard || options.merge)
        std::erase_if(outputs, [&](const OutputSpec* o) { return is_per_article(*o) != options.shard.has_value(); });
    RunReport report;
    report.dry_run = options.dry_run;
    const std::size_t warnings_before = diagnostics.warning_count();

    std::optional<fs::path> cache_folder = options.cache_folder ? options.cache_folder : pipeline.cache;
    if (!options.use_cache) cache_folder.reset();
    if ((options.shard || options.merge) && !cache_folder)
        throw UsageError(std::string(options.merge ? "--merge" : "--shard") +
                         " needs the import cache, where the shards leave the articles for the merge: "
                         "drop --no-cache, or give --cache DIR (the same for every shard and the merge)");
    const ArticleCache cache(cache_folder, options.dry_run);

    std::vector<std::size_t> inputs;
    for (std::size_t i = 0; i < pipeline.inputs.size(); ++i)
        if (!options.shard ||
            shard_of(pipeline.inputs[i].path, pipeline.folder, options.shard->count) == options.shard->index)
            inputs.push_back(i);
    report.articles = inputs.size();
    progress.started(inputs.size(), outputs.size());

    const fs::path base = output_base(pipeline, options);
    OutputSet out;  // discards every staged file unless committed
    std::vector<std::unique_ptr<OutputWriter>> writers;
    for (const OutputSpec* output : outputs)
        writers.push_back(std::make_unique<OutputWriter>(*output, output - pipeline.outputs.data(), base, out,
                                                         diagnostics, options.dry_run));
    const bool whole_issue_needed =
        std::any_of(writers.begin(), writers.end(), [](const auto& writer) { return !writer->per_article(); });

    // Each article is written to the per-article outputs as soon as it is ready and then
    // dropped, unless an output needs the whole issue. After the first error nothing more
    // is written, but every article is still prepared, to report all that fail.
    pugi::xml_document issue;
    issue.append_copy(model::issue_of(pipeline.issue));
    const pugi::xml_node issue_node = model::issue_of(issue);
    pugi::xml_node list = issue_node.child("articles");
    SlugRegister slugs(pipeline);
    ImportWorkers workers(pipeline, options.workers);
    stream_articles(pipeline, inputs, cache, workers, options.jobs ? options.jobs : default_jobs(), diagnostics,
                    progress, options.merge, [&](PreparedArticle& article) {
                        report.from_cache += article.from_cache && !article.error ? 1 : 0;
                        if (article.error) {
                            ++report.failed;
                            report.errors.push_back(*article.error);
                            return;
                        }
                        const pugi::xml_node node = model::article_of(article.doc);
                        if (model::meta(node).child("draft") && !options.drafts) {
                            ++report.drafts;
                            diagnostics.warn({pipeline.inputs[article.input].path.string(), 0, 0}, "draft-left-out",
                                             describe_input(pipeline, article.input) +
                                                 " is a draft (draft: true or published: false): left out of this "
                                                 "run; --drafts takes it in");
                            return;
                        }
                        if (auto clash = slugs.claim(model::slug(node), article.input)) report.errors.push_back(*clash);
                        if (!report.errors.empty()) return;
                        try {
                            for (auto& writer : writers)
                                if (writer->per_article()) writer->add_article(issue_node, node);
                        } catch (const Error& e) {
                            report.errors.push_back(e.diagnostic());
                            return;
                        }
                        if (whole_issue_needed) list.append_copy(node);
                    });

    model::order_by_weight(list);

    // Every output is written and checked, so that one run reports every failed check;
    // an export error stops the rest.
    const bool articles_ready = report.errors.empty();
    for (std::size_t i = 0; articles_ready && i < writers.size(); ++i) {
        OutputWriter& writer = *writers[i];
        try {
            if (!writer.per_article()) writer.write_issue(issue);
        } catch (const Error& e) {
            report.errors.push_back(e.diagnostic());
            break;
        }
        OutputReport written = writer.finish();
        if (written.checked && written.check.status == CheckResult::Status::failed) {
            report.errors.push_back({Severity::error, "check-failed", {written.path, 0, 0},
                                     "output " + std::to_string(outputs[i] - pipeline.outputs.data() + 1) + " (" +
                                         outputs[i]->format + " " + outputs[i]->path +
                                         "), step check: " + written.check.summary});
        }
        if (!options.dry_run) progress.output_done(written);
        report.outputs.push_back(std::move(written));
    }
    if (!options.dry_run && report.errors.empty()) {
        try {
            out.commit(base);
            report.written = true;
        } catch (const Error& e) {
            report.errors.push_back(e.diagnostic());
        }
    }
    progress.finished();
    report.warnings = diagnostics.warning_count() - warnings_before;
    return report;
}

}  // namespace mimeo::pipeline
