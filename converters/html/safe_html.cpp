#include "html/safe_html.hpp"

#include "common/diagnostics.hpp"

namespace mimeo::html {

OptionSpec raw_html_option()
{
    return {"raw-html", OptionType::string, "sanitize",
            "`sanitize`: raw HTML from the inputs loses scripts, `on*` handlers, `style`, svg/iframe/object/embed and "
            "`javascript:`, `vbscript:` and non-image `data:` URLs, and the articles' own links and images lose such "
            "URLs too; `keep`: raw HTML is kept as written (in EPUB only made well-formed), for trusted inputs only",
            {"sanitize", "keep"}};
}

RawHtml read_raw_html_option(const FormatOptions& options)
{
    return options.get_string("raw-html") == "keep" ? RawHtml::keep : RawHtml::sanitize;
}

void apply_raw_html_policy(RenderOptions& options, RawHtml policy, bool xhtml)
{
    if (policy == RawHtml::keep && !xhtml) {
        options.filter_raw_html = nullptr;  // as written
        return;
    }
    if (policy == RawHtml::sanitize) {
        // A Markdown link [x](javascript:...) is as dangerous as a raw <a href="javascript:...">.
        auto rewrite = options.rewrite_url;
        options.rewrite_url = [rewrite](std::string_view url, bool is_image) -> std::string {
            if (unsafe_url(url, is_image)) return "";
            std::string result = rewrite ? rewrite(url, is_image) : std::string(url);
            return unsafe_url(result, is_image) ? std::string() : result;
        };
    }
    RawHtmlOptions raw;
    raw.policy = policy;
    raw.rewrite_url = options.rewrite_url;
    raw.ids_seen = std::make_shared<std::set<std::string>>();
    options.filter_raw_html = [raw](std::string_view fragment) { return raw_html_to_xhtml(fragment, raw); };
}

}  // namespace mimeo::html
