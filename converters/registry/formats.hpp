// The one place formats are registered. Importers and exporters never know each
// other: they meet only at the canonical model.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "common/options.hpp"
#include "common/output_set.hpp"

namespace mimeo {

struct ImportRequest {
    std::filesystem::path path;
    FormatOptions options;
};

struct Importer {
    std::string name;
    std::vector<std::string> extensions;  // with the dot, lower case
    std::string description;
    std::vector<OptionSpec> options;
    // When several importers share an extension, the first whose test accepts the file's start wins.
    std::function<bool(std::string_view head)> recognizes;
    // Fills `out` with one <article>; throws mimeo::Error on bad input.
    std::function<void(const ImportRequest&, pugi::xml_document& out, Diagnostics&)> read;
    // The folder the article's relative image paths are found from, when it is not the input's
    // own folder: where the importer itself puts the images it extracts. Never the document's say.
    std::function<std::filesystem::path(const ImportRequest&)> base;
};

struct ExportRequest {
    const pugi::xml_document& issue;  // an <issue> holding the articles, in order
    std::filesystem::path target;     // a file or a folder, as the exporter's target says
    const FormatOptions& options;
    OutputSet& out;
    Diagnostics& diagnostics;
    // The issue holds one article of a per-article output (a ${article.slug} path): a book
    // or message of that article, titled and identified by it, not an issue of one article.
    bool one_article = false;
};

enum class TargetKind { file, folder };

struct StreamRequest {
    std::filesystem::path target;  // the folder
    const FormatOptions& options;
    OutputSet& out;
    Diagnostics& diagnostics;
};

// Takes an issue's articles one at a time, each written as it comes.
class ArticleStream {
public:
    virtual ~ArticleStream() = default;
    // `issue` gives the issue's metadata; its own article list is not read.
    virtual void write(pugi::xml_node issue, pugi::xml_node article) = 0;
};

struct Exporter {
    std::string name;
    std::string description;
    TargetKind target = TargetKind::file;
    std::vector<OptionSpec> options;
    std::function<void(const ExportRequest&)> write;
    // Set by exporters that write each article on its own into a folder (JATS), so that
    // a pipeline run can hand them each article as it is ready and keep none
    // (pipeline/runner.hpp). `write` then does the same over the issue's articles.
    std::function<std::unique_ptr<ArticleStream>(const StreamRequest&)> open_stream = nullptr;
};

struct CheckResult {
    enum class Status { passed, failed, skipped } status = Status::passed;
    std::string summary;  // one line: what was checked, or why it was skipped
};

struct Checker {
    std::string name;  // the format it checks
    std::function<bool(const std::filesystem::path&)> recognizes;
    std::function<CheckResult(const std::filesystem::path&, Diagnostics&)> check;
};

const std::vector<Importer>& importers();
const std::vector<Exporter>& exporters();
const std::vector<Checker>& checkers();

const Importer* find_importer(const std::string& name);
// By extension (and content, where extensions are shared); nullptr when none claims it.
const Importer* importer_for_path(const std::filesystem::path& path);
const Exporter* find_exporter(const std::string& name);
const Checker* find_checker(const std::string& name);
const Checker* checker_for_path(const std::filesystem::path& path);

// Throws UsageError for an unknown name, naming the formats that exist (and those still to come).
const Exporter& require_exporter(const std::string& name);
const Importer& require_importer(const std::string& name);

}  // namespace mimeo
