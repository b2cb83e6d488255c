#include "html/page_style.hpp"

namespace mimeo::html {

const char* const page_stylesheet = R"css(
body { max-width: 38em; margin: 2em auto; padding: 0 1em; font-family: Georgia, "Times New Roman", serif;
       line-height: 1.5; color: #1a1a1a; }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; }
.masthead { text-align: center; border-bottom: 3px double #444; margin-bottom: 2em; }
.masthead .publication { font-size: 2.5em; font-weight: bold; margin: 0; }
.tagline, .subtitle, .provenance { font-style: italic; }
.subtitle { font-size: 1.2em; }
.byline, .translator, .issue { color: #555; }
blockquote { margin: 1em 2em; }
blockquote.epigraph { font-style: italic; }
:lang(zh) .tagline, :lang(ja) .tagline, :lang(ko) .tagline, :lang(zh) .subtitle, :lang(ja) .subtitle,
:lang(ko) .subtitle, :lang(zh) .provenance, :lang(ja) .provenance, :lang(ko) .provenance,
:lang(zh) blockquote.epigraph, :lang(ja) blockquote.epigraph, :lang(ko) blockquote.epigraph,
:lang(zh) em, :lang(ja) em, :lang(ko) em { font-style: normal; }
.attribution { text-align: right; font-style: normal; }
nav.contents ol { padding-left: 1.5em; }
article { margin-bottom: 3em; }
article + article { border-top: 1px solid #ccc; padding-top: 1em; }
figure { margin: 1em 0; text-align: center; }
figure img { max-width: 100%; }
figcaption { font-size: 0.9em; color: #555; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; }
pre { overflow-x: auto; background: #f6f6f6; padding: 0.5em; }
.smallcaps { font-variant: small-caps; }
ul.task-list { list-style: none; padding-left: 0.4em; }
div.footnotes, div.endnotes { font-size: 0.9em; }
)css";

}  // namespace mimeo::html
