// The outputs' half of a run: each output's exporter writes into the run's OutputSet
// (staged, not yet in place), and `check: true` runs the format's checker on the
// staged files before anything is committed.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/output_set.hpp"
#include "pipeline/pipeline.hpp"
#include "pipeline/progress.hpp"
#include "format/format.hpp"

namespace mimeo::pipeline {

// One output of a run, from its start to its report. A per-article output (shard.hpp:
// is_per_article) takes each article as it is ready; any other output takes the whole
// issue once. Relative paths resolve against `base`. A dry run writes nothing and
// lists the targets instead.
class OutputWriter {
public:
    OutputWriter(const OutputSpec& output, std::size_t index, const std::filesystem::path& base, OutputSet& out,
                 Diagnostics& diagnostics, bool dry_run);
    OutputWriter(const OutputWriter&) = delete;
    OutputWriter& operator=(const OutputWriter&) = delete;
    ~OutputWriter();

    bool per_article() const;
    // An output whose path names ${article.slug} gets an issue holding just this article,
    // at its own path; a folder exporter (JATS) gets the article into its folder.
    void add_article(pugi::xml_node issue, pugi::xml_node article);
    void write_issue(const pugi::xml_document& issue);
    // The files written, their size, warnings and the check. A failed check is reported
    // here; every other failure is thrown by the calls above as mimeo::Error naming the
    // output and the step.
    OutputReport finish();

private:
    void write_one(const std::function<void()>& export_it, const std::filesystem::path& target);
    void pass_on_warnings();


    const OutputSpec& output_;
    std::size_t index_;
    std::filesystem::path base_;
    OutputSet& out_;
    Diagnostics& diagnostics_;
    // What the exporter and checker say, passed on to `diagnostics_` after each write:
    // articles are imported meanwhile, and their warnings are not this output's.
    Diagnostics own_;
    bool dry_run_;
    const Exporter& exporter_;
    bool per_article_;
    const Checker* checker_;
    std::unique_ptr<ArticleStream> stream_;  // opened by the first article of a folder exporter
    OutputReport report_;
    std::size_t checked_ = 0;
};

}  // namespace mimeo::pipeline
