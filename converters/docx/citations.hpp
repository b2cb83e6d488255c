// Word's citation fields, as Zotero (ADDIN ZOTERO_ITEM CSL_CITATION {...}) and Mendeley
// (ADDIN CSL_CITATION {...}) write them: the works each carries as CSL-JSON become the
// article's references, the same work cited twice one reference, and the field a
// cross-reference to it, shown as the field's result ("(Smith et al., 2013)").
#pragma once

#include <pugixml.hpp>
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"

namespace mimeo::docx {

// True for the instruction of a citation field.
bool is_citation_field(const std::string& instruction);

class CitationFields {
public:
    // The id of the one work the field cites; empty when it cites several (its text then
    // stays as it is) or its data cannot be read: each counted for the warning.
    std::string cite(const std::string& instruction);

    // The works cited, appended as the article's references; what they hold that the model
    // does not is named (csl-skip), and so are the fields whose data could not be read.
    void add_references(pugi::xml_node article, const std::string& file, Diagnostics& diagnostics);

private:
    std::string id_for(YAML::Node work);

    std::vector<YAML::Node> works_;
    std::map<std::string, std::string> ids_;  // a work's DOI, or title and year -> its reference id
    int several_ = 0, unreadable_ = 0;
};

}  // namespace mimeo::docx
