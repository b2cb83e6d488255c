#include "epub/stylesheet.hpp"

#include <filesystem>

#include "common/files.hpp"
#include "common/media_type.hpp"
#include "epub/font_face.hpp"

namespace fs = std::filesystem;

namespace mimeo::epub {

// Made for e-ink and phone screens: the reader's own font size and margins respected,
// no fixed widths, hyphenation on, tables and images that shrink to the page.
const char* const default_stylesheet = R"css(@namespace epub "http://www.idpf.org/2007/ops";

body {
  font-family: serif;
  line-height: 1.4;
  margin: 0 3%;
  widows: 2;
  orphans: 2;
  -epub-hyphens: auto;
  hyphens: auto;
}

h1, h2, h3, h4, h5, h6 {
  line-height: 1.2;
  margin: 1.2em 0 0.5em;
  page-break-after: avoid;
  break-after: avoid;
  -epub-hyphens: none;
  hyphens: none;
}
h1 { font-size: 1.6em; margin-top: 0.5em; }
h2 { font-size: 1.3em; }
h3 { font-size: 1.1em; }
h4, h5, h6 { font-size: 1em; }

p { margin: 0 0 0.7em; }

header { margin-bottom: 1.5em; }
.subtitle { font-size: 1.15em; font-style: italic; margin-top: -0.2em; }
.byline, .translator { font-size: 0.9em; margin: 0 0 0.2em; }
.provenance { font-size: 0.9em; font-style: italic; margin-top: 0.6em; }
.provenance cite { font-style: normal; }

blockquote { margin: 1em 1.5em; }
blockquote blockquote { margin-right: 0; }
.attribution { font-size: 0.9em; font-style: italic; text-align: right; }
.epigraph { font-style: italic; }

ul, ol { margin: 0 0 0.7em; padding-left: 1.6em; }
li > p { margin-bottom: 0.3em; }
li > ul, li > ol { margin-bottom: 0; }
ul.task-list { list-style: none; padding-left: 0.4em; }
dt { font-weight: bold; }
dd { margin: 0 0 0.5em 1.5em; }

table { border-collapse: collapse; margin: 1em 0; max-width: 100%; font-size: 0.9em; }
caption { font-style: italic; margin-bottom: 0.3em; }
th, td { padding: 0.2em 0.5em; border-bottom: 1px solid #888; vertical-align: top; }
th { border-bottom-width: 2px; }

figure { margin: 1em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
img { max-width: 100%; height: auto; }
figcaption { font-size: 0.9em; font-style: italic; margin-top: 0.3em; }

pre { white-space: pre-wrap; font-size: 0.85em; margin: 0 0 0.7em; }
code { font-family: monospace; }
.smallcaps { font-variant: small-caps; }
hr { border: 0; border-top: 1px solid #888; margin: 1.5em 20%; }

sup { font-size: 0.75em; line-height: 0; }
aside { font-size: 0.9em; margin-top: 1em; padding-top: 0.3em; border-top: 1px solid #bbb; }
aside + aside { margin-top: 0.4em; padding-top: 0; border-top: 0; }
.note-number { font-weight: bold; }

.masthead { text-align: center; margin-top: 15%; }
.masthead .publication { font-size: 2em; font-weight: bold; margin: 0; }
.masthead .tagline { font-style: italic; }
.imprint { margin: 3em 10% 0; font-size: 0.85em; text-align: left; }
.imprint h2 { font-size: 1.1em; text-align: center; }
.imprint dt { font-weight: bold; }
.imprint dd { margin: 0 0 0.6em; }
.masthead blockquote { margin: 2em 10%; }
.masthead .issue { margin-top: 2em; font-variant: small-caps; }
.masthead .issue-title { font-size: 1.3em; }

.cover { text-align: center; margin: 20% 5% 0; }
.cover .cover-title { font-size: 2.2em; font-weight: bold; line-height: 1.2; margin: 0; }
.cover .cover-subtitle { font-size: 1.3em; font-style: italic; margin-top: 0.6em; }
/* Chinese, Japanese and Korean type has no italics: a reader would slant it by force. */
:lang(zh) .subtitle, :lang(ja) .subtitle, :lang(ko) .subtitle, :lang(zh) .provenance, :lang(ja) .provenance,
:lang(ko) .provenance, :lang(zh) .epigraph, :lang(ja) .epigraph, :lang(ko) .epigraph, :lang(zh) figcaption,
:lang(ja) figcaption, :lang(ko) figcaption, :lang(zh) caption, :lang(ja) caption, :lang(ko) caption,
:lang(zh) .attribution, :lang(ja) .attribution, :lang(ko) .attribution, :lang(zh) .cover-subtitle,
:lang(ja) .cover-subtitle, :lang(ko) .cover-subtitle, :lang(zh) .tagline, :lang(ja) .tagline, :lang(ko) .tagline,
:lang(zh) em, :lang(ja) em, :lang(ko) em { font-style: normal; }
:lang(zh) em, :lang(ja) em, :lang(ko) em { font-weight: bold; }
.cover .cover-line { margin-top: 2em; font-variant: small-caps; }
.cover-image { text-align: center; margin: 0; padding: 0; }
.cover-image img { max-height: 100%; }

.contents h1 { text-align: center; }
.contents-section { font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.08em; border-bottom: 1px solid #888;
                    margin: 1.6em 0 0.6em; }
ol.contents-list { list-style: none; padding-left: 0; }
ol.contents-list li { margin: 0 0 1em; }
a.contents-title { font-weight: bold; font-size: 1.1em; color: inherit; }
.contents-dek { margin: 0.15em 0 0; font-style: italic; }
.contents-byline { margin: 0.1em 0 0; font-size: 0.85em; color: #555; }
:lang(zh) .contents-dek, :lang(ja) .contents-dek, :lang(ko) .contents-dek { font-style: normal; }
nav ol { list-style: none; padding-left: 1em; }
nav > ol { padding-left: 0; }
nav li { margin: 0.3em 0; }
nav[epub|type~="landmarks"] { display: none; }
)css";

namespace {

std::string css_string(const std::string& text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

}  // namespace

void add_stylesheet(Book& book, const Settings& settings)
{
    std::string faces;
    std::string first_family;
    int number = 0;
    for (const std::string& font : settings.fonts) {
        std::string bytes = read_file(font);
        Sniffed type = sniff_font(bytes);
        if (type.media_type.empty())
            throw Error({font, 0, 0}, "epub-font", "not a TrueType, OpenType, WOFF or WOFF2 font");
        ++number;
        // The font's own family, style and weight, so that Regular, Italic and Bold are one family.
        const FontFace face = read_font_face(bytes, fs::path(font).filename().string());
        const std::string family = face.family.empty() ? fs::path(font).stem().string() : face.family;
        const std::string href = "fonts/font-" + std::to_string(number) + type.extension;
        faces += "@font-face {\n  font-family: " + css_string(family) + ";\n  src: url(\"" + href + "\");\n" +
                 "  font-style: " + face.style + ";\n  font-weight: " + std::to_string(face.weight) + ";\n}\n";
        if (first_family.empty()) first_family = family;
        book.items.push_back({"font-" + std::to_string(number), href, type.media_type, "", std::move(bytes)});
    }
    std::string css;
    if (!settings.stylesheet.empty()) {
        css = read_file(settings.stylesheet);
        require_utf8(css, settings.stylesheet);
    } else {
        css = default_stylesheet;
        if (!first_family.empty()) css += "\nbody { font-family: " + css_string(first_family) + ", serif; }\n";
    }
    // At the end: @charset, @import and @namespace must come before every other rule.
    if (!faces.empty()) css += "\n" + faces;
    // Last, so that its rules win over the default's of the same weight.
    if (!settings.extra_css.empty()) {
        std::string extra = read_file(settings.extra_css);
        require_utf8(extra, settings.extra_css);
        css += "\n/* extra-css */\n" + extra;
    }
    book.items.push_back({"style", stylesheet_href, "text/css", "", std::move(css)});
}

}  // namespace mimeo::epub
