#include "pipeline/output_stage.hpp"

#include <unistd.h>

#include "model/model.hpp"
#include "registry/formats.hpp"

namespace fs = std::filesystem;

namespace mimeo::pipeline {
namespace {

std::string describe(const OutputSpec& output, std::size_t index)
{
    return "output " + std::to_string(index + 1) + " (" + output.format + " " + output.path + ")";
}

// A private folder for the links the checkers read, removed when done.
class CheckFolder {
public:
    CheckFolder()
    {
        std::string pattern = (fs::temp_directory_path() / "mimeo-check-XXXXXX").string();
        if (::mkdtemp(pattern.data())) path_ = pattern;
    }
    ~CheckFolder()
    {
        std::error_code ec;
        if (!path_.empty()) fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// The checkers know files by their names (.epub, .xml), but staged files have temporary
// names; so each is linked (or copied) under its final name into a private folder.
fs::path present_as(const StagedFile& file, const fs::path& name_in_folder, const fs::path& folder)
{
    const fs::path linked = folder / name_in_folder;
    std::error_code ec;
    fs::create_directories(linked.parent_path(), ec);
    fs::create_hard_link(file.temporary, linked, ec);
    if (ec) fs::copy_file(file.temporary, linked, fs::copy_options::overwrite_existing, ec);
    if (ec) throw Error({file.target.string(), 0, 0}, "write", "cannot prepare the file for its check: " + ec.message());
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
    CheckFolder folder;
    if (folder.path().empty()) throw Error({target.string(), 0, 0}, "write", "cannot make a folder for the check");
    for (const StagedFile& file : staged) {
        const fs::path name = kind == TargetKind::folder ? file.target.lexically_relative(target) : target.filename();
        const fs::path linked = present_as(file, name, folder.path());
        if (kind == TargetKind::folder && !checker.recognizes(linked)) continue;
        Diagnostics local;
        local.echo_to(nullptr);
        merge(total, counted, checker.check(linked, local));
        for (Diagnostic d : local.all()) {
            if (d.where.file == linked.string()) d.where.file = file.target.string();
            diagnostics.add(std::move(d));
        }
    }
}

}  // namespace

void issue_with_one_article(pugi::xml_node issue, pugi::xml_node article, pugi::xml_document& out)
{
    pugi::xml_node copy = out.append_child("issue");
    for (pugi::xml_attribute attribute : issue.attributes()) copy.append_copy(attribute);
    for (pugi::xml_node child : issue.children())
        if (std::string_view(child.name()) != "articles") copy.append_copy(child);
    copy.append_child("articles").append_copy(article);
}

std::vector<fs::path> planned_targets(const OutputSpec& output, const pugi::xml_document& issue, const fs::path& base)
{
    if (!output.per_article) return {output.target(base)};
    std::vector<fs::path> targets;
    for (pugi::xml_node article : model::articles(model::issue_of(issue)))
        targets.push_back(output.target(base, model::slug(article)));
    return targets;
}

OutputReport write_output(const OutputSpec& output, std::size_t index, const pugi::xml_document& issue,
                          const fs::path& base, OutputSet& out, Diagnostics& diagnostics)
{
    const Exporter& exporter = require_exporter(output.format);
    const Checker* checker = output.check ? find_checker(output.format) : nullptr;
    OutputReport report{output.format, output.shown_target(base).string(), {}, 0, checker != nullptr, {}, 0};
    const std::size_t warnings_before = diagnostics.warning_count();
    std::size_t checked = 0;

    auto write_one = [&](const pugi::xml_document& doc, const fs::path& target) {
        const std::size_t before = out.files().size();
        std::string step = "export";
        try {
            exporter.write({doc, target, output.options, out, diagnostics});
            const auto all = out.files();
            const std::vector<StagedFile> staged(all.begin() + static_cast<std::ptrdiff_t>(before), all.end());
            for (const StagedFile& file : staged) {
                report.files.push_back(file.target);
                report.bytes += file.size;
            }
            step = "check";
            if (checker) check_staged(*checker, staged, target, exporter.target, diagnostics, report.check, checked);
        } catch (const Error& e) {
            Diagnostic d = e.diagnostic();
            if (d.where.file.empty()) d.where = {target.string(), 0, 0};
            throw Error(d.where, d.code, describe(output, index) + ", step " + step + ": " + d.message);
        } catch (const std::exception& e) {
            throw Error({target.string(), 0, 0}, "",
                        describe(output, index) + ", step " + step + ": " + std::string(e.what()));
        }
    };

    if (output.per_article) {
        for (pugi::xml_node article : model::articles(model::issue_of(issue))) {
            pugi::xml_document single;
            issue_with_one_article(model::issue_of(issue), article, single);
            write_one(single, output.target(base, model::slug(article)));
        }
    } else {
        write_one(issue, output.target(base));
    }
    if (checker && checked == 0)
        report.check = {CheckResult::Status::skipped, "no file the " + output.format + " check knows was written"};
    report.warnings = diagnostics.warning_count() - warnings_before;
    return report;
}

}  // namespace mimeo::pipeline

