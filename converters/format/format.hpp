// The contract every format meets: what an importer, an exporter and a checker are, and
// what they are handed. Formats include this and nothing of each other; registry/ lists them.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
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
    std::string name = {};
    std::vector<std::string> extensions = {};  // with the dot, lower case
    std::string description = {};
    std::vector<OptionSpec> options = {};
    // When several importers share an extension, the first whose test accepts the file's start wins.
    std::function<bool(std::string_view head)> recognizes = {};
    // Fills `out` with one <article>; throws mimeo::Error on bad input. The import service
    // (registry/import_article.hpp) then sets its base, title and slug where missing.
    std::function<void(const ImportRequest&, pugi::xml_document& out, Diagnostics&)> read = {};
    // The folder the article's relative image paths are found from, when it is not the input's
    // own folder: where the importer itself puts the images it extracts. Never the document's say.
    std::function<std::filesystem::path(const ImportRequest&)> base = {};
    // Set by an importer that reads formats beyond its own name (pandoc: odt, rst, ...), and can
    // be named as an engine that reads every format. Each gives the format it reads a name or a
    // file as ("" for none), which it is then given as its option `format`. Such an importer
    // claims only the extensions no other importer claims.
    std::function<std::string(const std::string& name)> format_named = {};
    std::function<std::string(const std::filesystem::path&)> format_of_file = {};
    // False for a format with no metadata (strict CommonMark), whose files are all untitled:
    // taking the file's name as the title is then not worth a warning.
    bool warns_untitled = true;
};

struct ExportRequest {
    const pugi::xml_document& issue;  // an <issue> holding the articles, in order
    std::filesystem::path target;     // a file or a folder, as the exporter's target says
    const FormatOptions& options;
    OutputSet& out;
    Diagnostics& diagnostics;
    // The issue holds one article of a per-article output (a ${article.slug} path, or the
    // option per-article: true): a book or message of that article, titled and identified by
    // it, not an issue of one article.
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
    // Set by exporters that take the option `per-article` (EPUB, email): the extension of the
    // file each article gets. The option is said the one way runs know, as a path
    // <folder>/${article.slug}<extension> (pipeline/per_article.hpp); `write` never sees it.
    std::string per_article_extension = {};
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

}  // namespace mimeo
