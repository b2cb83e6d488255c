#include "markdown/markdown_importer.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "common/files.hpp"
#include "markdown/cmark_to_model.hpp"
#include "markdown/front_matter_split.hpp"
#include "markdown/heading_title.hpp"
#include "markdown/input_bounds.hpp"
#include "markdown/pandoc_constructs.hpp"
#include "markdown/tag_filter.hpp"
#include "markdown/template_syntax.hpp"
#include "markdown/tex_math.hpp"
#include "model/front_matter.hpp"
#include "model/model.hpp"
#include "model/references.hpp"
#include "model/smart_punctuation.hpp"
#include "model/xml_text.hpp"

namespace mimeo::markdown {
namespace {

struct Dialect {
    bool extensions;  // GFM extensions, front matter, implicit figures, attributions
    bool smart;
    bool single_tilde = true;  // ~one~ is strikethrough, as on GitHub; else only ~~two~~
};

using ParserPtr = std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)>;
using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

NodePtr parse_markdown(std::string_view text, const Dialect& dialect)
{
    // Smart punctuation is the model's (smart_punctuation.hpp), after the tree is built.
    int options = CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE;
    if (dialect.extensions) options |= CMARK_OPT_FOOTNOTES;
    if (!dialect.single_tilde) options |= CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
    ParserPtr parser(cmark_parser_new(options), cmark_parser_free);
    if (dialect.extensions) {
        // cmark-gfm's registry of extensions is a global list without a lock.
        static std::once_flag registered;
        std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);
        for (const char* name : {"table", "strikethrough", "autolink", "tasklist"})
            cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension(name));
    }
    cmark_parser_feed(parser.get(), text.data(), text.size());
    return NodePtr(cmark_parser_finish(parser.get()), cmark_node_free);
}

// cmark needs about 35 bytes of memory per byte of running text; this keeps a
// pathological article under about 600 MB while no real article comes near it.
constexpr long max_markdown_mib = 16;

// Quotes and lists can nest without end in Markdown; the model cannot. Counting
// ancestors stops at the limit, so this stays linear in the size of the document.
// Each Markdown level may take two of the model's (a list and its item).
constexpr int max_nesting = model::max_depth / 2;

void require_bounded_depth(cmark_node* root, const std::string& file)
{
    const int limit = max_nesting;
    cmark_iter* iter = cmark_iter_new(root);
    for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        if (event != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter);
        int depth = 0;
        for (cmark_node* up = node; up && depth <= limit; up = cmark_node_parent(up)) ++depth;
        if (depth > limit) {
            int line = cmark_node_get_start_line(node);
            cmark_iter_free(iter);
            throw Error({file, line, 0}, "too-deep",
                        "quotes, lists or emphasis nest more than " + std::to_string(limit) + " levels deep");
        }
    }
    cmark_iter_free(iter);
}

// The import service checked the value against markdown_options.
model::BadUrls bad_urls(const ImportRequest& request)
{
    return request.options.get_string("bad-urls") == "warn" ? model::BadUrls::warn : model::BadUrls::error;
}

void read_markdown(const ImportRequest& request, pugi::xml_document& out, Diagnostics& diagnostics,
                   const Dialect& dialect)
{
    const std::string file = request.path.string();
    std::string text = read_file(request.path, max_size_bytes(request.options));
    require_utf8(text, file);
    if (const std::size_t replaced = model::clean_text(text))
        diagnostics.warn({file, 0, 0}, "control-char",
                         std::to_string(replaced) + " characters XML cannot hold replaced with U+FFFD");

    FrontMatterSplit split{"", 0, text};
    if (dialect.extensions) split = split_front_matter(text, file);

    pugi::xml_node article = model::new_article(out);

    const int body_line = 1 + static_cast<int>(std::count(static_cast<const char*>(text.data()), split.body.data(), '\n'));
    std::string body(split.body);
    std::vector<MathSpan> math;
    if (dialect.extensions) {
        handle_template_syntax(body, body_line, request.options.get_string("templates") == "strip", file, diagnostics);
        const bool read_math = request.options.get_bool("math");
        name_pandoc_constructs(body, body_line, {body_line == 1, read_math, dialect.single_tilde}, file, diagnostics);
        if (read_math) math = protect_math(body);
    }
    require_bounded_input(body, file, body_line, max_nesting);
    NodePtr root = parse_markdown(body, dialect);
    require_bounded_depth(root.get(), file);
    if (dialect.extensions && request.options.get_bool("tagfilter"))
        filter_raw_tags(root.get(), body_line, file, diagnostics);
    build_model(root.get(), article, {dialect.extensions});

    if (!split.yaml.empty()) {
        yaml_input::Source source{file, split.yaml_first_line};
        YAML::Node front = yaml_input::parse(split.yaml, source);
        if (!front.IsNull()) {
            if (!front.IsMap()) yaml_input::fail(source, front, "front matter", "must be a mapping of keys to values");
            model::apply_metadata(front, source, article, model::MetadataMode::replace, diagnostics, bad_urls(request));
        }
    }
    if (dialect.extensions && request.options.get_bool("title-from-heading")) {
        cmark_node* first = cmark_node_first_child(root.get());
        if (first && cmark_node_get_type(first) == CMARK_NODE_HEADING && cmark_node_get_heading_level(first) == 1)
            title_from_heading(article, file, body_line + cmark_node_get_start_line(first) - 1, diagnostics);
    }
    if (dialect.extensions) model::link_citations(article, file, diagnostics);
    // After the front matter and the title from a heading, so that titles are smartened too.
    if (dialect.smart) model::smarten_article(article);
    restore_math(article, math);
}

const std::vector<OptionSpec> markdown_options = {
    {"smart", OptionType::boolean, "true", "curly quotes, en and em dashes, ellipses (also `--no-smart`)"},
    {"bad-urls", OptionType::string, "error",
     "a front-matter URL that is not `http:`, `https:` or `mailto:` (or relative, for `url`): `error`, or `warn` "
     "and leave the key out",
     {"error", "warn"}},
    {"tagfilter", OptionType::boolean, "true",
     "GFM's tagfilter: raw `<title>`, `<style>`, `<script>`, `<iframe>`, `<xmp>` ... tags show as text; `false` "
     "leaves them to the exporters' `raw-html` policy (an embedded video's `<iframe>` kept under `raw-html=keep`)"},
    {"math", OptionType::boolean, "false",
     "TeX math between dollars, as pandoc writes it (`$x^2$` inline, `$$…$$` displayed), read as math"},
    {"single-tilde", OptionType::boolean, "true",
     "`~text~` is strikethrough, as GitHub reads it; `false` leaves it as text (pandoc's subscript, `H~2~O`)"},
    {"title-from-heading", OptionType::boolean, "true",
     "with no title in front matter, a level-1 heading that opens the body (and is its only one) is the title"},
    {"templates", OptionType::string, "keep",
     "Liquid tags and output (`{% … %}`, `{{ … }}`) and Hugo shortcodes (`{{< … >}}`, `{{% … %}}`) outside code, "
     "each kind named in a template-syntax warning: `keep` them as text, or `strip` them",
     {"keep", "strip"}},
    max_size_option(max_markdown_mib),
};

}  // namespace

Importer importer()
{
    return {.name = "markdown",
            .extensions = {".md", ".markdown", ".mdown", ".mkd"},
            .description = "CommonMark with GitHub's extensions, YAML front matter and smart punctuation",
            .options = markdown_options,
            .read = [](const ImportRequest& request, pugi::xml_document& out, Diagnostics& diagnostics) {
                read_markdown(request, out, diagnostics,
                              {true, request.options.get_bool("smart"), request.options.get_bool("single-tilde")});
            }};
}

Importer commonmark_importer()
{
    return {.name = "commonmark",
            .description = "strict CommonMark: no extensions, no front matter, no smart punctuation",
            .options = {max_size_option(max_markdown_mib)},
            .read = [](const ImportRequest& request, pugi::xml_document& out, Diagnostics& diagnostics) {
                read_markdown(request, out, diagnostics, {false, false});
            },
            .warns_untitled = false};
}

}  // namespace mimeo::markdown
