#include "canonical/canonical_format.hpp"

#include "common/files.hpp"
#include "model/model.hpp"
#include "model/validate.hpp"

namespace fs = std::filesystem;

namespace mimeo::canonical {
namespace {

constexpr long max_canonical_mib = 64;

bool is_canonical(std::string_view head) { return head.find(model::namespace_uri) != std::string_view::npos; }

void read_canonical(const ImportRequest& request, pugi::xml_document& out, Diagnostics& diagnostics)
{
    const std::string file = request.path.string();
    std::string text = read_file(request.path, max_size_bytes(request.options));
    auto problems = model::validate_xml(text, file);
    if (!problems.empty()) {
        const Diagnostic& first = problems.front();
        throw Error(first.where, first.code, first.message);
    }
    // Entities are left unexpanded: canonical files never need them.
    pugi::xml_parse_result parsed = out.load_buffer(text.data(), text.size(), pugi::parse_default & ~pugi::parse_doctype);
    if (!parsed) throw Error({file, 0, 0}, "xml", parsed.description());
    pugi::xml_node article = model::article_of(out);
    if (!article) throw Error({file, 0, 0}, "xml", "expected an <article>, found <" + std::string(out.first_child().name()) + ">");
    // The file's own folder is its base (import_article sets it): a base the document names would
    // let it choose which files its images are read from.
    std::error_code ec;
    const fs::path own = fs::weakly_canonical(fs::absolute(request.path), ec).parent_path();
    if (pugi::xml_attribute named = article.attribute("base");
        named && fs::weakly_canonical(fs::path(named.value()), ec) != own)
        diagnostics.warn({file, 0, 0}, "base-ignored",
                         "the article names its base folder '" + std::string(named.value()) +
                             "'; its images are found from the file's own folder, " + own.string());
}

void write_folder(const ExportRequest& request)
{
    pugi::xml_node issue = model::issue_of(request.issue);
    for (pugi::xml_node article : model::articles(issue)) {
        pugi::xml_document single;
        single.append_copy(article);
        request.out.write(request.target / (model::slug(article) + ".xml"), model::to_xml(single));
    }
    request.out.write(request.target / "issue.xml", model::to_xml(request.issue));
}

CheckResult check_canonical(const fs::path& path, Diagnostics& diagnostics)
{
    auto problems = model::validate_file(path);
    for (auto& problem : problems) diagnostics.add(problem);
    if (!problems.empty()) return {CheckResult::Status::failed, std::to_string(problems.size()) + " schema errors"};
    return {CheckResult::Status::passed, "valid against schemas/article.rng"};
}

}  // namespace

Importer importer()
{
    return {.name = "xml",
            .extensions = {".xml"},
            .description = "mimeo's canonical article XML",
            .options = {max_size_option(max_canonical_mib)},
            .recognizes = is_canonical,
            .read = read_canonical};
}

Exporter exporter()
{
    return {"xml",
            "each article's canonical XML, named by slug, and the issue's as issue.xml, in a folder",
            TargetKind::folder,
            {},
            write_folder};
}

Checker checker()
{
    return {"xml",
            [](const fs::path& path) {
                if (path.extension() != ".xml") return false;
                std::string text = read_file(path);
                return is_canonical(std::string_view(text).substr(0, 4096));
            },
            check_canonical};
}

}  // namespace mimeo::canonical
