#include <filesystem>

#include "common/files.hpp"
#include "jats/jats_format.hpp"
#include "jats/read_body.hpp"
#include "jats/read_front.hpp"
#include "jats/read_references.hpp"
#include "jats/read_xml.hpp"
#include "model/model.hpp"

namespace mimeo::jats {
namespace {

// Published articles, MathML inline, run to a few MB; the bound sits well above them.
constexpr long max_jats_mib = 64;

void read_jats(const ImportRequest& request, pugi::xml_document& out, Diagnostics& diagnostics)
{
    JatsTree tree;
    tree.file = request.path.string();
    const std::string text = read_file(request.path, max_size_bytes(request.options));
    require_utf8(text, tree.file);
    parse_jats(text, tree, diagnostics);
    pugi::xml_node jats_article = tree.doc.child("article");
    if (!jats_article) {
        pugi::xml_node root = tree.doc.document_element();
        throw Error(tree.where(root), "jats-root", "expected a JATS <article>, found <" + std::string(root.name()) + ">");
    }

    pugi::xml_node article = model::new_article(out);
    BodyReader reader{tree, diagnostics, article, {}, {}, 0, 0};
    read_notes(jats_article.child("back"), reader);  // first, so that references find their notes
    read_front(jats_article, article, reader);
    read_blocks(jats_article.child("body"), model::body(article), reader);
    read_back_sections(jats_article.child("back"), model::body(article), reader);
    settle_references(reader);
    report_unknown(reader);
    if (reader.textual_forms)
        diagnostics.warn(tree.where(jats_article), "jats-skip",
                         std::to_string(reader.textual_forms) + " <textual-form> of formulas kept as MathML or TeX left out");
    if (jats_article.child("sub-article") || jats_article.child("response"))
        diagnostics.warn(tree.where(jats_article), "jats-skip", "sub-articles and responses are left out");
}

}  // namespace

bool looks_like_jats(std::string_view head)
{
    if (head.find(model::namespace_uri) != std::string_view::npos) return false;
    for (auto at = head.find("<article"); at != std::string_view::npos; at = head.find("<article", at + 1)) {
        const char next = at + 8 < head.size() ? head[at + 8] : '>';
        if (next == ' ' || next == '>' || next == '\n' || next == '\r' || next == '\t') {
            return head.find("JATS") != std::string_view::npos || head.find("dtd-version") != std::string_view::npos ||
                   head.find("<front") != std::string_view::npos || head.find("NLM//DTD") != std::string_view::npos;
        }
    }
    return false;
}

Importer importer()
{
    return {.name = "jats",
            .extensions = {".xml", ".jats"},
            .description = "JATS article XML (any version; read without its DTD)",
            .options = {max_size_option(max_jats_mib)},
            .recognizes = looks_like_jats,
            .read = read_jats};
}

}  // namespace mimeo::jats
