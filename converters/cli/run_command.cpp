// mimeo run PIPELINE.yaml: every output of a pipeline file, in one all-or-nothing run.
#include <unistd.h>

#include <cstdio>
#include <optional>

#include "cli/command_line.hpp"
#include "pipeline/console_progress.hpp"
#include "pipeline/json_progress.hpp"
#include "pipeline/load_pipeline.hpp"
#include "pipeline/recovery.hpp"
#include "pipeline/run_lock.hpp"
#include "pipeline/runner.hpp"

namespace mimeo::cli {
namespace {

// `--only html xml`, `--only html,xml` and `--only html --only xml` all work.
std::vector<std::string> split_formats(const std::vector<std::string>& values)
{
    std::vector<std::string> formats;
    for (const std::string& value : values) {
        std::size_t start = 0;
        while (start <= value.size()) {
            std::size_t comma = value.find(',', start);
            if (comma == std::string::npos) comma = value.size();
            if (comma > start) formats.push_back(value.substr(start, comma - start));
            start = comma + 1;
        }
    }
    return formats;
}

}  // namespace

int run_command(const Arguments& args)
{
    po::options_description options("run options");
    options.add_options()
        ("pipeline", po::value<std::vector<std::string>>(), "the pipeline file")
        ("jobs,j", po::value<unsigned>()->default_value(0), "articles imported at once (default: one per core)")
        ("only", po::value<std::vector<std::string>>()->multitoken()->composing(), "write only these formats' outputs")
        ("out", po::value<std::string>(), "write relative output paths under DIR instead of the pipeline's folder")
        ("cache", po::value<std::string>(), "keep the import cache in DIR instead of the pipeline's")
        ("no-cache", "neither read nor write the import cache")
        ("dry-run,n", "check the pipeline, prepare the articles and list what would be written; write nothing")
        ("shard", po::value<std::string>(), "import share K of N of the articles (K from 0) into the cache and write "
                                            "only their per-article outputs")
        ("merge", "write the per-issue outputs from the cache the shards filled; import nothing")
        ("drafts", "take in the articles marked draft (draft: true, published: false), which runs leave out")
        ("progress", po::value<std::string>()->default_value("auto"),
         "auto (a bar on a terminal, a line per output otherwise), json (one JSON object a line on stderr) or none")
        ("no-wait", "when another run is writing the same outputs, stop at once instead of waiting for it")
        ("import-timeout", po::value<long>()->default_value(30),
         "seconds one article's import may take; then it fails with import-timeout (0: no limit)")
        ("import-memory", po::value<long>()->default_value(4096),
         "MiB of address space each import worker may use (0: no limit; with both 0, imports run in "
         "mimeo's own process)")
        ("quiet,q", "print only errors: no progress, warnings or summary");
    add_quiet_codes(options);
    po::variables_map values;
    if (!parse(args,
               "mimeo run PIPELINE.yaml [--jobs N] [--only FORMAT...] [--out DIR] [--cache DIR | --no-cache] "
               "[--shard K/N | --merge] [--drafts] [--progress auto|json|none] [--dry-run] [--quiet]",
               options, "pipeline", values))
        return 0;
    if (!values.count("pipeline")) throw UsageError("name the pipeline file, such as 'mimeo run pipelines/demo.yaml'");
    const auto& files = values["pipeline"].as<std::vector<std::string>>();
    if (files.size() != 1) throw UsageError("give one pipeline file, not " + std::to_string(files.size()));

    pipeline::RunOptions run;
    run.jobs = values["jobs"].as<unsigned>();
    if (values.count("only")) run.only = split_formats(values["only"].as<std::vector<std::string>>());
    if (values.count("out")) run.out_folder = values["out"].as<std::string>();
    if (values.count("cache")) run.cache_folder = values["cache"].as<std::string>();
    if (values.count("cache") && values.count("no-cache")) throw UsageError("--cache and --no-cache contradict each other");
    run.use_cache = !values.count("no-cache");
    run.dry_run = values.count("dry-run") > 0;
    if (values.count("shard")) run.shard = pipeline::parse_shard(values["shard"].as<std::string>());
    run.merge = values.count("merge") > 0;
    run.drafts = values.count("drafts") > 0;
    const long timeout = values["import-timeout"].as<long>(), memory = values["import-memory"].as<long>();
    if (timeout < 0 || memory < 0) throw UsageError("--import-timeout and --import-memory take 0 (no limit) or more");
    // With neither bound there is nothing to guard, and imports run in this process.
    if (timeout > 0 || memory > 0)
        run.workers = {std::filesystem::read_symlink("/proc/self/exe"), std::chrono::seconds(timeout), memory};
    if (run.shard && run.merge) throw UsageError("--shard and --merge are separate runs: give one of them");
    const std::string progress_kind = values["progress"].as<std::string>();
    if (progress_kind != "auto" && progress_kind != "json" && progress_kind != "none")
        throw UsageError("--progress " + progress_kind + ": give auto, json or none");
    const bool quiet = values.count("quiet") > 0;
    const bool json = progress_kind == "json";
    // JSON lines replace the bar; the summary and warnings still print as usual.
    const bool terminal = ::isatty(STDERR_FILENO) == 1 && !json;

    // A bad pipeline file throws mimeo::Error here: exit code 1, nothing run.
    const auto loaded = pipeline::load_pipeline(files.front());

    Diagnostics diagnostics;
    apply_quiet_codes(values, diagnostics);
    for (const std::string& code : loaded->quiet_codes) diagnostics.suppress(code);
    // Warnings printed while the bar is drawn would tear it: on a terminal they wait for the end.
    if (quiet || terminal) diagnostics.echo_to(nullptr);
    for (const Diagnostic& warning : loaded->warnings) diagnostics.add(warning);

    // Held until the run ends: no other run's outputs interleave with this one's. Holding
    // them, the run mends what a run that died left behind.
    const std::filesystem::path base = pipeline::output_base(*loaded, run);
    std::optional<pipeline::RunLock> lock;
    if (!run.dry_run) {
        lock.emplace(pipeline::lock_targets(*loaded, base), run.shard.has_value(),
                     values.count("no-wait") ? pipeline::LockWait::refuse : pipeline::LockWait::wait);
        pipeline::recover_outputs(*loaded, base, diagnostics);
    }
    pipeline::ConsoleProgress console(stderr, terminal, quiet || json || progress_kind == "none");
    pipeline::JsonProgress json_lines(stderr);
    pipeline::Progress& progress = json ? static_cast<pipeline::Progress&>(json_lines) : console;
    const pipeline::RunReport report = pipeline::run_pipeline(*loaded, run, diagnostics, progress);

    if (terminal && !quiet)
        for (const Diagnostic& d : diagnostics.all()) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    for (const Diagnostic& error : report.errors) std::fprintf(stderr, "%s\n", format_diagnostic(error).c_str());
    if (!quiet) std::fputs(pipeline::format_summary(report).c_str(), stdout);
    return report.errors.empty() ? 0 : 1;
}

}  // namespace mimeo::cli
