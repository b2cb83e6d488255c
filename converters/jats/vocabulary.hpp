// The JATS names mimeo writes and reads back: the doctype it targets and the few
// attribute values that carry canonical-model details JATS has no element for.
// The exporter and the importer both follow this file, so a round trip is lossless.
#pragma once

#include <string>
#include <string_view>

#include "common/url.hpp"

namespace mimeo::jats {

inline constexpr const char* public_id =
    "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD with MathML3 v1.3 20210610//EN";
inline constexpr const char* system_id = "http://jats.nlm.nih.gov/archiving/1.3/JATS-archivearticle1-3-mathml3.dtd";
inline constexpr const char* dtd_version = "1.3";

inline constexpr const char* xlink_ns = "http://www.w3.org/1999/xlink";
inline constexpr const char* ali_ns = "http://www.niso.org/schemas/ali/1.0/";

// article-type when the article names none; read back as "no type".
inline constexpr const char* default_article_type = "other";

// <related-article related-article-type=...> for where a translation or reprint first appeared,
// by PMC's list: the same article in another language, or the article this reprints. The
// importer also reads the values mimeo wrote before (translated-from, reprinted-from).
inline constexpr const char* translated_from = "alt-language";
inline constexpr const char* reprinted_from = "reprinted-article";
// <custom-meta> name for the original's language (xml:lang only says what language the title is in).
inline constexpr const char* source_language_meta = "source-language";
// <notes notes-type=...> holding the human-readable provenance sentence (generated, not read back).
inline constexpr const char* provenance_notes_type = "translation-provenance";
// <copyright-statement content-type=...> for the publication's rights (issue-level, not read back).
inline constexpr const char* publication_rights_type = "publication-rights";

// <fn-group content-type=...>: footnotes and endnotes are kept apart.
inline constexpr const char* footnotes_type = "footnotes";
inline constexpr const char* endnotes_type = "endnotes";

// content-type values for model details with no JATS element.
inline constexpr const char* thematic_break_type = "thematic-break";  // <p content-type=...> (empty)
inline constexpr const char* epigraph_type = "epigraph";              // <disp-quote content-type=...>
inline constexpr const char* quotation_type = "quotation";            // <named-content> for an inline quote
inline constexpr const char* span_type = "span";                      // <named-content> for a span (xml:lang)
inline constexpr const char* line_break_type = "line-break";          // <named-content> where <break/> is invalid
inline constexpr const char* code_preformat_type = "code";            // <preformat preformat-type=...>

// <list specific-use=...> and <list-item specific-use=...>.
inline constexpr const char* tight_list = "tight";
inline constexpr const char* loose_list = "loose";
inline constexpr const char* checked_item = "checked";
inline constexpr const char* unchecked_item = "unchecked";

// The xlink:title of a link shown as its own address, which JATS4R asks to be described (not
// read back).
inline std::string generated_link_title(std::string_view href) { return "A page on " + url_host(href); }

// <tex-math> holds a whole LaTeX document, as PMC asks: the formula between these (`$` or `$$`
// around it). The importer takes the formula out of any such document.
inline constexpr const char* tex_document_start =
    "\\documentclass[12pt]{minimal}\\usepackage{amsmath}\\usepackage{amssymb}\\begin{document}";
inline constexpr const char* tex_document_end = "\\end{document}";

// A raw block or inline of another format becomes <?mimeo-raw FORMAT CONTENT?>: JATS
// readers ignore processing instructions, and the content comes back on import.
inline constexpr const char* raw_pi = "mimeo-raw";

}  // namespace mimeo::jats
