#include "pipeline/runner.hpp"

#include <algorithm>
#include <map>

#include "common/output_set.hpp"
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
void require_distinct_slugs(const Pipeline& pipeline, const std::vector<std::unique_ptr<PreparedArticle>>& articles,
                            std::vector<Diagnostic>& errors)
{
    std::map<std::string, std::size_t> seen;
    for (const auto& article : articles) {
        const std::string slug = model::slug(model::article_of(article->doc));
        auto [it, fresh] = seen.emplace(slug, article->input);
        if (fresh) continue;
        errors.push_back({Severity::error, "duplicate-slug",
                          {pipeline.inputs[article->input].path.string(), 0, 0},
                          describe_input(pipeline, article->input) + ", step assemble: it has the slug '" + slug +
                              "', as " + describe_input(pipeline, it->second) +
                              " has; give one of them another 'slug:'"});
    }
}

}  // namespace

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
    const auto articles = prepare_articles(pipeline, inputs, cache, options.jobs ? options.jobs : default_jobs(),
                                           diagnostics, progress, report.errors, options.merge);
    for (const auto& article : articles) {
        report.from_cache += article->from_cache && !article->error ? 1 : 0;
        report.failed += article->error ? 1 : 0;
    }
    if (report.errors.empty()) require_distinct_slugs(pipeline, articles, report.errors);
    if (!report.errors.empty()) {
        progress.finished();
        report.warnings = diagnostics.warning_count() - warnings_before;
        return report;
    }

    pugi::xml_document issue;
    issue.append_copy(model::issue_of(pipeline.issue));
    pugi::xml_node list = model::issue_of(issue).child("articles");
    for (const auto& article : articles) list.append_copy(model::article_of(article->doc));

    const fs::path base = options.out_folder ? *options.out_folder : pipeline.folder;
    OutputSet out;  // discards every staged file unless committed
    bool checks_passed = true;
    for (const OutputSpec* output : outputs) {
        OutputReport written;
        if (options.dry_run) {
            written = {output->format, output->shown_target(base).string(), planned_targets(*output, issue, base), 0, false,
                       {}, 0};
        } else {
            try {
                written = write_output(*output, output - pipeline.outputs.data(), issue, base, out, diagnostics);
            } catch (const Error& e) {
                report.errors.push_back(e.diagnostic());
                break;
            }
            if (written.checked && written.check.status == CheckResult::Status::failed) {
                checks_passed = false;
                report.errors.push_back({Severity::error, "check-failed", {written.path, 0, 0},
                                         "output " + std::to_string(output - pipeline.outputs.data() + 1) + " (" +
                                             output->format + " " + output->path +
                                             "), step check: " + written.check.summary});
            }
        }
        if (!options.dry_run) progress.output_done(written);
        report.outputs.push_back(std::move(written));
    }
    if (!options.dry_run && report.errors.empty() && checks_passed) {
        try {
            out.commit();
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
