// The works an article cites, from front matter: `references:` as CSL-JSON items written in
// YAML, `bibliography:` as CSL-JSON, BibLaTeX or BibTeX files; and the sentence a reference list shows for a work
// known only by its parts. The JATS importer reads ref-lists into the same <references>.
#pragma once

#include <pugixml.hpp>
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>

#include "common/diagnostics.hpp"
#include "common/yaml_input.hpp"

namespace mimeo::model {

// `references: [{id, type, author: [{family, given} | {literal}], title, container-title,
// issued, volume, issue, page, publisher, DOI, PMID, URL}, ...]` (CSL-JSON's names).
// CSL fields the model has no place for are named in one `csl-skip` warning, with their counts.
void apply_references(const YAML::Node& value, const yaml_input::Source& source, pugi::xml_node article,
                      Diagnostics& diagnostics);

// `bibliography: refs.json` (or a list), relative to the article's folder: CSL-JSON files, and
// BibLaTeX (.bib) or BibTeX (.bibtex) ones, which pandoc's citeproc turns into CSL-JSON
// (sandboxed; its warnings go to `diagnostics`).
void apply_bibliography(const YAML::Node& value, const yaml_input::Source& source, pugi::xml_node article,
                        Diagnostics& diagnostics);

// "Baldwin PR, Penczek PA (2007) The transform class. J Struct Biol 157: 250-261." from a
// <reference>'s parts (and the publisher's `place`, which has no part; "et al." after the
// authors when their list is cut short), set as its <citation>.
void write_citation_sentence(pugi::xml_node reference, const std::string& place = "", bool et_al = false);

// Markdown's citations, as pandoc writes them: `[@key]`, `[@a; @b, p. 3]` and in-text `@key`,
// for keys the article's references name, become cross-references shown author-date
// ("(Baldwin and Penczek 2007)"); `[@key]` naming no reference is a warning, and stays as text.
void link_citations(pugi::xml_node article, const std::string& file, Diagnostics& diagnostics);

// A citation key as an XML id: the key itself when it is one, else "ref-" and its slug.
std::string reference_id(const std::string& key);

// Cross-references whose target the article does not have become their content; returns how
// many of each kind ("reference", "figure", ...), for the importer's warning.
std::map<std::string, int> unwrap_dangling_xrefs(pugi::xml_node article);

}  // namespace mimeo::model
