#include "epub/epub_exporter.hpp"

#include "epub/assemble.hpp"
#include "epub/book.hpp"
#include "html/safe_html.hpp"
#include "model/model.hpp"

namespace mimeo::epub {
namespace {

Settings read_settings(const FormatOptions& options)
{
    Settings settings;
    settings.toc_depth = static_cast<int>(options.get_int("toc-depth"));
    settings.stylesheet = options.get_string("stylesheet");
    settings.extra_css = options.get_string("extra-css");
    settings.cover = options.get_string("cover");
    settings.cover_art = options.get_bool("cover-art");
    settings.cover_lines = options.get_list("cover-lines");
    settings.cover_color = options.get_string("cover-color");
    settings.fonts = options.get_list("fonts");
    settings.font_subset = options.get_bool("font-subset");
    settings.font_obfuscation = options.get_bool("font-obfuscation");
    settings.missing_images_warn = options.get_string("missing-images") == "warn";
    settings.outside_images = options.get_bool("outside-images");
    settings.raw_html = html::read_raw_html_option(options);
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
              "one EPUB per article, named `<slug>.epub`, in the folder given as the output: the same as the path "
              "`<folder>/${article.slug}.epub`, so two articles with one slug are an error (`duplicate-slug`)"},
             {"toc-depth", OptionType::integer, "2",
              "levels in the table of contents (nav and NCX): `1` lists the articles, `2` adds their sections", {}, 1, 6},
             {"stylesheet", OptionType::path, "", "a CSS file used instead of the default stylesheet"},
             {"extra-css", OptionType::path, "", "a CSS file whose rules are added after the stylesheet's, to change a few"},
             {"cover", OptionType::path, "", "a cover image (PNG, JPEG, GIF, WebP or SVG)", {}, {}, {},
              "a drawn cover"},
             {"cover-art", OptionType::boolean, "true",
              "with no `cover`, draw a 1600×2560 PNG cover (masthead, tagline, issue line, cover lines, logo); `false` "
              "makes a text cover page instead"},
             {"cover-lines", OptionType::string_list, "", "the drawn cover's lines", {}, {}, {}, "the first three articles' titles"},
             {"cover-color", OptionType::string, "\"#1d3557\"", "the drawn cover's background, as #rrggbb; the type is "
              "white or black, whichever reads on it", {}, {}, {}, {}, "#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})",
              "a colour as #rrggbb or #rgb"},
             {"fonts", OptionType::path_list, "",
              "font files (TTF, OTF, WOFF, WOFF2) to embed, each with an `@font-face` of the family, style and weight "
              "its own tables give (a WOFF's, or a font's without them: its file name without the extension, and "
              "Italic or Bold in the name), so that Regular, Italic and Bold make one family; with the default "
              "stylesheet the first font's family sets the text"},
             {"font-subset", OptionType::boolean, "false",
              "cut the `fonts` down to the characters the book uses (HarfBuzz's hb-subset)"},
             {"font-obfuscation", OptionType::boolean, "false",
              "obfuscate the `fonts` by the IDPF algorithm (EPUB OCF), listed in META-INF/encryption.xml, as font "
              "licences for embedding often ask"},
             {"missing-images", OptionType::string, "error",
              "`error`: a missing, unreadable, remote or non-image picture stops the conversion; `warn`: it is left "
              "out with a warning (a figure keeps its caption as a paragraph)",
              {"error", "warn"}},
             {"outside-images", OptionType::boolean, "false",
              "pack images whose path leads outside the article's folder (`../`, an absolute path, a symlink out); "
              "by default such an image is an error (`image-outside`), whatever `missing-images` says"},
             html::raw_html_option()},
            write_epubs,
            nullptr,
            ".epub"};
}

}  // namespace mimeo::epub
