#include <deque>
#include <map>
#include <memory>
#include <set>

#include "common/files.hpp"
#include "common/media_type.hpp"
#include "common/zip_writer.hpp"
#include "jats/dtd.hpp"
#include "jats/jats_format.hpp"
#include "jats/vocabulary.hpp"
#include "jats/write_article.hpp"
#include "jats/write_front.hpp"
#include "model/image_path.hpp"
#include "model/model.hpp"

namespace fs = std::filesystem;

namespace mimeo::jats {
namespace {

bool is_url(std::string_view src)
{
    return src.find("://") != std::string_view::npos || src.rfind("data:", 0) == 0 || src.rfind("mailto:", 0) == 0;
}

// Decides where each image goes beside its article and remembers what to copy.
// `claimed` is shared by every article written into one folder, so images of the
// same name from different sources do not overwrite each other.
class Images {
public:
    Images(pugi::xml_node article, bool allow_outside, std::map<std::string, fs::path>& claimed, Diagnostics& diagnostics,
           Location where)
        : article_(article), allow_outside_(allow_outside), slug_(model::slug(article)), claimed_(claimed),
          diagnostics_(diagnostics), where_(std::move(where))
    {
    }

    std::string href(const std::string& src)
    {
        if (is_url(src)) return src;
        fs::path path(src);
        const fs::path source = model::resolve_image(src, article_, allow_outside_);
        std::error_code ec;
        if (!fs::is_regular_file(source, ec)) {
            diagnostics_.warn(where_, "jats-image-missing", "image " + src + " not found; its link is kept as written");
            return src;
        }
        // A relative path that stays inside the article's folder keeps its shape; others go beside the file.
        fs::path target = path.lexically_normal();
        if (path.is_absolute() || target.empty() || *target.begin() == "..") target = path.filename();
        for (int n = 1;; ++n) {
            auto [it, inserted] = claimed_.emplace(target.generic_string(), source);
            if (inserted || it->second == source) break;
            target = target.parent_path() / (slug_ + (n > 1 ? "-" + std::to_string(n) : "") + "-" + path.filename().string());
        }
        if (copied_.insert(target.generic_string()).second) files_.push_back({target.generic_string(), source});
        return target.generic_string();
    }

    const std::vector<std::pair<std::string, fs::path>>& files() const { return files_; }

private:
    pugi::xml_node article_;
    bool allow_outside_;
    std::string slug_;
    std::map<std::string, fs::path>& claimed_;
    std::set<std::string> copied_;
    std::vector<std::pair<std::string, fs::path>> files_;  // (path beside the article, source file)
    Diagnostics& diagnostics_;
    Location where_;
};

std::string hint(const std::string& field)
{
    if (field == "journal title") return "give the publication's title (an issue description's publication: title)";
    if (field == "publication date") return "set date: in the article's front matter or the issue's";
    if (field == "language") return "set lang: in the article's front matter or the publication's language";
    return "give the article a title";
}

void report_missing(pugi::xml_node issue, pugi::xml_node article, bool strict, const Location& where,
                    Diagnostics& diagnostics)
{
    for (const std::string& field : missing_metadata(issue, article)) {
        const std::string message = "no " + field + " for the archive: " + hint(field);
        if (strict) throw Error(where, "jats-missing-metadata", message);
        diagnostics.warn(where, "jats-missing-metadata", message);
    }
    for (const std::string& gap : archive_gaps(issue, article)) {
        if (strict) throw Error(where, "jats-missing", gap);
        diagnostics.warn(where, "jats-missing", gap);
    }
}

void require_valid(const std::string& xml, const Location& where, const fs::path& catalog, Diagnostics& diagnostics)
{
    auto problems = validate_archiving(xml, where.file, catalog);
    if (problems.empty()) return;
    for (std::size_t i = 1; i < problems.size(); ++i) diagnostics.add(problems[i]);
    const Diagnostic& first = problems.front();
    throw Error(first.where, first.code, "the JATS written is not valid (a mimeo bug, please report it): " + first.message);
}

// The folder's articles, one at a time: what they share is only the images already
// claimed in the folder and the slugs written, so no article is held after its write.
class ArticleFolder : public ArticleStream {
public:
    explicit ArticleFolder(const StreamRequest& request)
        : target_(request.target), out_(request.out), diagnostics_(request.diagnostics),
          zip_(request.options.get_bool("zip")), strict_(request.options.get_bool("strict")),
          outside_images_(request.options.get_bool("outside-images")),
          article_type_(request.options.get_string("article-type"))
    {
        if (!request.options.get_bool("validate")) return;
        catalog_ = find_catalog(request.options.get_string("dtd-path"));
        if (catalog_.empty())
            diagnostics_.warn({target_.string(), 0, 0}, "jats-no-dtd",
                              "the JATS DTDs (npm package @jats4r/dtds) were not found, so the files are not "
                              "validated; set dtd-path or MIMEO_JATS_DTDS");
    }

    void write(pugi::xml_node issue, pugi::xml_node article) override
    {
        const std::string slug = model::slug(article);
        const Location where{(target_ / (slug + ".xml")).string(), 0, 0};
        if (!slugs_.insert(slug).second)
            throw Error(where, "jats-duplicate-slug", "two articles have the slug '" + slug + "'; give one another slug");
        report_missing(issue, article, strict_, where, diagnostics_);

        std::map<std::string, fs::path> own_claims;  // zip mode: each archive holds its own images
        Images images(article, outside_images_, zip_ ? own_claims : claimed_, diagnostics_, where);
        BodyWriter writer{diagnostics_, where, [&](const std::string& src) { return images.href(src); }, {}, 0, {}};
        const std::string xml = write_article(issue, article, article_type_, writer);
        if (writer.raw_count)
            diagnostics_.warn(where, "jats-raw",
                              std::to_string(writer.raw_count) +
                                  " raw fragments kept as processing instructions, which JATS readers do not show");
        if (!catalog_.empty()) require_valid(xml, where, catalog_, diagnostics_);

        if (!zip_) {
            out_.write(target_ / (slug + ".xml"), xml);
            for (const auto& [target, source] : images.files()) out_.write(target_ / target, read_file(source));
            return;
        }
        // Stamped with the article's date (else the issue's), so that the same deposit is the same bytes.
        std::string date = model::meta(article).child("date").text().get();
        if (date.empty()) date = issue.child("date").text().get();
        std::deque<std::string> images_read;  // a deque keeps the entries' views valid
        std::vector<ZipEntry> entries = {{slug + ".xml", xml}};
        for (const auto& [target, source] : images.files()) {
            images_read.push_back(read_file(source));
            entries.push_back({target, images_read.back(), !is_compressed_media(sniff_image(images_read.back()).media_type)});
        }
        out_.write(target_ / (slug + ".zip"), write_zip(entries, date.size() == 10 ? date + "T00:00:00Z" : "", "jats-zip"));
    }

private:
    fs::path target_;
    OutputSet& out_;
    Diagnostics& diagnostics_;
    bool zip_, strict_, outside_images_;
    std::string article_type_;
    fs::path catalog_;
    std::map<std::string, fs::path> claimed_;  // folder mode: every image written into the folder
    std::set<std::string> slugs_;
};

std::unique_ptr<ArticleStream> open_folder(const StreamRequest& request)
{
    return std::make_unique<ArticleFolder>(request);
}

void write_articles(const ExportRequest& request)
{
    ArticleFolder folder({request.target, request.options, request.out, request.diagnostics});
    pugi::xml_node issue = model::issue_of(request.issue);
    for (pugi::xml_node article : model::articles(issue)) folder.write(issue, article);
}

}  // namespace

Exporter exporter()
{
    return {"jats",
            "one JATS 1.3 Archiving file per article, named by slug, with its images, in a folder",
            TargetKind::folder,
            {{"zip", OptionType::boolean, "false", "pack each article and its images into `<slug>.zip`"},
             {"strict", OptionType::boolean, "false",
              "a missing journal title, publication date, title or language is an error (exit 1, nothing written) "
              "instead of a warning"},
             {"article-type", OptionType::string, default_article_type,
              "`article-type` of articles whose front matter has no `type`"},
             {"validate", OptionType::boolean, "true",
              "validate every file written against the JATS 1.3 Archiving DTD, in process; an invalid file stops the run"},
             {"outside-images", OptionType::boolean, "false",
              "copy images whose path leads outside the article's folder (`../`, an absolute path, a symlink out); "
              "by default such an image is an error (`image-outside`)"},
             {"dtd-path", OptionType::path, "",
              "the folder of the `@jats4r/dtds` catalog (`.../schema`, or the `catalog.xml` itself)", {}, {}, {},
              "`$MIMEO_JATS_DTDS`, else `node_modules` found near mimeo"}},
            write_articles,
            open_folder};
}

}  // namespace mimeo::jats
