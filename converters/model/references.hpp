// The works an article cites, from front matter: `references:` as CSL-JSON items written in
// YAML, `bibliography:` as CSL-JSON files; and the sentence a reference list shows for a work
// known only by its parts. The JATS importer reads ref-lists into the same <references>.
#pragma once

#include <pugixml.hpp>
#include <yaml-cpp/yaml.h>

#include <string>

#include "common/diagnostics.hpp"
#include "common/yaml_input.hpp"

namespace mimeo::model {

// `references: [{id, type, author: [{family, given} | {literal}], title, container-title,
// issued, volume, issue, page, publisher, DOI, PMID, URL}, ...]` (CSL-JSON's names).
void apply_references(const YAML::Node& value, const yaml_input::Source& source, pugi::xml_node article);

// `bibliography: refs.json` (or a list): CSL-JSON files, relative to the article's folder.
void apply_bibliography(const YAML::Node& value, const yaml_input::Source& source, pugi::xml_node article);

// "Baldwin PR, Penczek PA (2007) The transform class. J Struct Biol 157: 250-261." from a
// <reference>'s parts, set as its <citation>.
void write_citation_sentence(pugi::xml_node reference);

// Markdown's citations, as pandoc writes them: `[@key]`, `[@a; @b, p. 3]` and in-text `@key`,
// for keys the article's references name, become cross-references shown author-date
// ("(Baldwin and Penczek 2007)"); `[@key]` naming no reference is a warning, and stays as text.
void link_citations(pugi::xml_node article, const std::string& file, Diagnostics& diagnostics);

}  // namespace mimeo::model
