#include "epub/epub_exporter.hpp"


#include "epub/assemble.hpp"
#include "epub/book.hpp"
#include "model/model.hpp"

namespace mimeo::epub {
namespace {

[[noreturn]] void bad_value(const FormatOptions& options, const std::string& key, const std::string& expected)
{
    throw Error(options.location_of(key), "option-value", "option '" + key + "' must be " + expected);
}

Settings read_settings(const FormatOptions& options)
{
    Settings settings;
    long depth = options.get_int("toc-depth", settings.toc_depth);
    if (depth < 1 || depth > 6) bad_value(options, "toc-depth", "from 1 to 6");
    settings.toc_depth = static_cast<int>(depth);
    settings.stylesheet = options.get_string("stylesheet");
    settings.cover = options.get_string("cover");
    settings.fonts = options.get_list("fonts");
    const std::string missing = options.get_string("missing-images", "error");
    if (missing != "error" && missing != "warn") bad_value(options, "missing-images", "'error' or 'warn'");
    settings.missing_images_warn = missing == "warn";
    settings.outside_images = options.get_bool("outside-images", false);
    if (!html::parse_raw_html_policy(options.get_string("raw-html", "sanitize"), settings.raw_html))
        bad_value(options, "raw-html", "'sanitize' or 'keep'");
    return settings;
}

void write_epubs(const ExportRequest& request)
{
    const Settings settings = read_settings(request.options);
    pugi::xml_node issue = model::issue_of(request.issue);
    const auto articles = model::articles(issue);
    request.out.write(request.target, make_epub(issue, articles, !request.one_article, settings, request.diagnostics));
}

}  // namespace

Exporter exporter()
{
    return {"epub",
            "an EPUB 3 of the issue (masthead, contents, every article), or one per article",
            TargetKind::file,
            {{"per-article", OptionType::boolean, "false",
              "one EPUB per article, named <slug>.epub, in the folder given as the output"},
             {"toc-depth", OptionType::integer, "2", "levels in the table of contents: 1 lists the articles, 2 adds their sections, up to 6"},
             {"stylesheet", OptionType::path, "", "a CSS file to use instead of the default stylesheet"},
             {"cover", OptionType::path, "", "a cover image (PNG, JPEG, GIF, WebP or SVG); without it a text cover is made"},
             {"fonts", OptionType::path_list, "",
              "font files (TTF, OTF, WOFF, WOFF2) to embed, each with an @font-face named after its file; the first sets the text"},
             {"missing-images", OptionType::string, "error",
              "'error' stops at a missing or unreadable image; 'warn' leaves it out with a warning"},
             {"outside-images", OptionType::boolean, "false",
              "pack images from outside the article's folder (../ or absolute paths); by default they are an error (image-outside)"},
             {"raw-html", OptionType::string, "sanitize",
              "'sanitize' strips scripts, event handlers and unsafe URLs from raw HTML; 'keep' keeps it as it is (only made well-formed)"}},
            write_epubs,
            nullptr,
            ".epub"};
}

}  // namespace mimeo::epub
