// The `raw-html` option of every exporter that writes HTML (html, epub, rss, atom, email),
// declared, read and applied in one place so that they all sanitize the same way.
#pragma once

#include "common/options.hpp"
#include "html/raw_html.hpp"
#include "html/renderer.hpp"

namespace mimeo::html {

// The option's declaration, for an Exporter's option list.
OptionSpec raw_html_option();

// The policy `raw-html` names (its words are checked where options are loaded).
RawHtml read_raw_html_option(const FormatOptions& options);

// Makes `options` safe by `policy`: raw HTML fragments go through raw_html_to_xhtml (with the
// options' rewrite_url) and, when sanitizing, the model's own links and images lose javascript:,
// vbscript: and non-image data: URLs too. Kept raw HTML goes out verbatim, or only made
// well-formed when `xhtml` (an EPUB must be XML). Call it after setting rewrite_url.
void apply_raw_html_policy(RenderOptions& options, RawHtml policy, bool xhtml = false);

}  // namespace mimeo::html
