#include "pipeline/output_stage.hpp"

#include "common/files.hpp"
#include "model/model.hpp"
#include "pipeline/shard.hpp"
#include "registry/formats.hpp"

namespace fs = std::filesystem;

namespace mimeo::pipeline {
namespace {

std::string describe(const OutputSpec& output, std::size_t index)
{
    return "output " + std::to_string(index + 1) + " (" + output.format + " " + output.path + ")";
}

// The checkers know files by their names (.epub, .xml), but staged files have temporary
// names; so each is linked (or copied) under its final path, as seen from the target's
// folder, into a private folder. Every staged file gets a name of its own: a folder output,
// or a file output with per-article: true, stages many.
fs::path present_as(const StagedFile& file, const fs::path& target, const fs::path& folder)
{
    const fs::path from = target.has_parent_path() ? target.parent_path() : fs::path(".");
    fs::path name = fs::path(file.target).lexically_relative(from);
    if (name.empty() || *name.begin() == "..") name = fs::path(file.target).filename();
    const fs::path linked = folder / name;
    std::error_code ec;
    fs::create_directories(linked.parent_path(), ec);
    fs::create_hard_link(file.temporary, linked, ec);
    // Never over an existing name: a copy there would write through an earlier link.
    if (ec && ec != std::errc::file_exists) fs::copy_file(file.temporary, linked, ec);
    if (ec) throw Error({file.target, 0, 0}, "write", "cannot prepare the file for its check: " + ec.message());
    return linked;
}

void merge(CheckResult& total, std::size_t& counted, const CheckResult& one)
{
    using S = CheckResult::Status;
    if (counted++ == 0) {
        total = one;
        return;
    }
    if (one.status == S::failed && total.status != S::failed) total = one;
    else if (one.status == S::passed && total.status == S::skipped) total = one;
}

// Checks the files one target staged, under their final names; diagnostics name the targets.
void check_staged(const Checker& checker, const std::vector<StagedFile>& staged, const fs::path& target,
                  TargetKind kind, Diagnostics& diagnostics, CheckResult& total, std::size_t& counted)
{
    const TemporaryFolder folder("mimeo-check");
    for (const StagedFile& file : staged) {
        const fs::path linked = present_as(file, target, folder.path());
        if (kind == TargetKind::folder && !checker.recognizes(linked)) continue;
        Diagnostics local;
        local.echo_to(nullptr);
        merge(total, counted, checker.check(linked, local));
        for (Diagnostic d : local.all()) {
            if (d.where.file == linked.string()) d.where.file = file.target;
            diagnostics.add(std::move(d));
        }
    }
}

// An <issue> like `issue` (publication, number, date...) holding only `article`.
void issue_with_one_article(pugi::xml_node issue, pugi::xml_node article, pugi::xml_document& out)
{
    pugi::xml_node copy = out.append_child("issue");
    for (pugi::xml_attribute attribute : issue.attributes()) copy.append_copy(attribute);
    for (pugi::xml_node child : issue.children())
        if (std::string_view(child.name()) != "articles") copy.append_copy(child);
    copy.append_child("articles").append_copy(article);
}

}  // namespace

OutputWriter::OutputWriter(const OutputSpec& output, std::size_t index, const fs::path& base, OutputSet& out,
                           Diagnostics& diagnostics, bool dry_run)
    : output_(output), index_(index), base_(base), out_(out), diagnostics_(diagnostics), dry_run_(dry_run),
      exporter_(require_exporter(output.format)), per_article_(is_per_article(output)),
      checker_(output.check ? find_checker(output.format) : nullptr),
      report_{output.format, output.shown_target(base).string(), {}, 0, checker_ != nullptr && !dry_run, {}, 0}
{
    own_.echo_to(nullptr);
}

OutputWriter::~OutputWriter() = default;

bool OutputWriter::per_article() const { return per_article_; }

void OutputWriter::add_article(pugi::xml_node issue, pugi::xml_node article)
{
    if (output_.per_article) {
        const fs::path target = output_.target(base_, model::slug(article));
        write_one(
            [&] {
                pugi::xml_document single;
                issue_with_one_article(issue, article, single);
                exporter_.write({single, target, output_.options, out_, own_, true});
            },
            target);
        return;
    }
    const fs::path target = output_.target(base_);
    write_one(
        [&] {
            if (!stream_) stream_ = exporter_.open_stream({target, output_.options, out_, own_});
            stream_->write(issue, article);
        },
        target);
}

void OutputWriter::write_issue(const pugi::xml_document& issue)
{
    const fs::path target = output_.target(base_);
    write_one([&] { exporter_.write({issue, target, output_.options, out_, own_}); }, target);
}

void OutputWriter::write_one(const std::function<void()>& export_it, const fs::path& target)
{
    if (dry_run_) {
        // A folder exporter's target is the folder, listed once.
        if (report_.files.empty() || report_.files.back() != target.string()) report_.files.push_back(target.string());
        return;
    }
    const std::size_t before = out_.count();
    std::string step = "export";
    try {
        export_it();
        const std::vector<StagedFile> staged = out_.files_from(before);
        for (const StagedFile& file : staged) {
            report_.files.push_back(file.target);
            report_.bytes += file.size;
        }
        step = "check";
        if (checker_) check_staged(*checker_, staged, target, exporter_.target, own_, report_.check, checked_);
        pass_on_warnings();
    } catch (const UsageError&) {
        // The command's mistake (a pandoc output with no writer), not this output's: it ends the run.
        pass_on_warnings();
        throw;
    } catch (const Error& e) {
        pass_on_warnings();
        Diagnostic d = e.diagnostic();
        if (d.where.file.empty()) d.where = {target.string(), 0, 0};
        throw Error(d.where, d.code, describe(output_, index_) + ", step " + step + ": " + d.message);
    } catch (const std::exception& e) {
        pass_on_warnings();
        throw Error({target.string(), 0, 0}, "unexpected", describe(output_, index_) + ", step " + step + ": " + std::string(e.what()));
    }
}

OutputReport OutputWriter::finish()
{
    if (report_.checked && checked_ == 0)
        report_.check = {CheckResult::Status::skipped, "no file the " + output_.format + " check knows was written"};
    return std::move(report_);
}

void OutputWriter::pass_on_warnings()
{
    for (Diagnostic& d : own_.take()) {
        const bool warning = d.severity == Severity::warning;
        if (diagnostics_.add(std::move(d)) && warning) ++report_.warnings;
    }
}

}  // namespace mimeo::pipeline

